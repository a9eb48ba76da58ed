# expect: passed | passed
import numpy as np


class GradientChecker:
    def __init__(self, eps, threshold):
        self.eps, self.threshold = eps, threshold

    def numeric(self, f, x):
        grad = np.zeros_like(x, dtype=np.float64)
        it = np.nditer(x, flags=["multi_index"])
        for _ in it:
            idx = it.multi_index
            saved = x[idx]
            x[idx] = saved + self.eps  # perturbed in place, as the Task allows, then restored
            up = f(x)
            x[idx] = saved - self.eps
            down = f(x)
            x[idx] = saved
            grad[idx] = (up - down) / (2 * self.eps)
        return grad

    def __call__(self, f, grad_f, x):
        analytic = np.asarray(grad_f(x), dtype=np.float64)
        numeric = self.numeric(f, x)
        denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
        rel = np.asarray(0.0) if denom == 0 else np.linalg.norm(numeric - analytic) / denom
        return bool(rel < self.threshold), np.asarray(rel)  # rel_diff as a 0-d array


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    return GradientChecker(eps, threshold)(f, grad_f, x)
