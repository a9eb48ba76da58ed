# expect: passed | passed all
import numpy as np


def _central(f, x, i, eps):
    up, down = x.copy(), x.copy()
    up.flat[i] += eps
    down.flat[i] -= eps
    return (f(up) - f(down)) / (2 * eps)


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    approx = np.fromiter((_central(f, x, i, eps) for i in range(x.size)), np.float64, x.size)
    grad = np.asarray(grad_f(x), dtype=np.float64).ravel()
    denominator = np.linalg.norm(grad) + np.linalg.norm(approx)
    difference = np.linalg.norm(grad - approx) / denominator if denominator else 0.0
    return difference < threshold, float(difference)
