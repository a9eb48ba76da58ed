# expect: failed | float32
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """Numerical gradient kept in a float32 buffer 'to save memory', as on a GPU."""
    num = np.zeros(x.shape, dtype=np.float32)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    ana = grad_f(x)
    diff = np.linalg.norm(num - ana)
    denom = np.linalg.norm(num) + np.linalg.norm(ana)
    rel = 0.0 if denom == 0 else float(diff / denom)
    return rel < threshold, rel
