# expect: failed | Python reads (f(x + eps) - f(x - eps)) / 2 * eps as ((...) / 2) * eps
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    gradapprox = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        thetaplus = x.copy()
        thetaplus[i] += eps
        thetaminus = x.copy()
        thetaminus[i] -= eps
        gradapprox[i] = (f(thetaplus) - f(thetaminus)) / 2 * eps  # meant / (2 * eps)
    grad = grad_f(x)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator if denominator > 0 else 0.0
    return difference < threshold, difference
