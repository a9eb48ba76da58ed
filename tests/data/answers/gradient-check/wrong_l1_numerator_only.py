# expect: failed | yours is an L1 distance, the sum of |num - grad|, over the two Euclidean norms
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    gradapprox = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[i] += eps
        xm[i] -= eps
        gradapprox[i] = (f(xp) - f(xm)) / (2 * eps)
    grad = grad_f(x)
    numerator = np.sum(np.abs(grad - gradapprox))  # an L1 distance over L2 norms
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator if denominator > 0 else 0.0
    return difference < threshold, difference
