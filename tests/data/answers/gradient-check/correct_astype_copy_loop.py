# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    x = x.astype(np.float64)  # a copy: x itself is never touched
    gradapprox = np.zeros(x.size)
    flat = x.reshape(-1)
    for i in range(flat.size):
        thetaplus = flat.copy()
        thetaplus[i] += eps
        thetaminus = flat.copy()
        thetaminus[i] -= eps
        J_plus = f(thetaplus.reshape(x.shape))
        J_minus = f(thetaminus.reshape(x.shape))
        gradapprox[i] = (J_plus - J_minus) / (2 * eps)
    grad = np.asarray(grad_f(x), dtype=np.float64).reshape(-1)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = 0.0 if denominator == 0 else numerator / denominator
    return difference < threshold, difference
