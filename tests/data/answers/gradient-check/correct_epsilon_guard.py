# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # a tiny epsilon in the denominator instead of a zero test: 0 / 1e-30 is 0 when both
    # gradients vanish, and 1e-30 changes nothing measurable otherwise
    ana = np.asarray(grad_f(x), dtype=np.float64)
    work = x.astype(np.float64)  # a copy: x itself is never touched
    num = np.zeros(work.shape)
    flat, out = work.reshape(-1), num.reshape(-1)
    for k in range(flat.size):
        v = flat[k]
        flat[k] = v + eps
        hi = f(work)
        flat[k] = v - eps
        lo = f(work)
        flat[k] = v
        out[k] = (hi - lo) / (2 * eps)
    rel = np.linalg.norm(num - ana) / (np.linalg.norm(num) + np.linalg.norm(ana) + 1e-30)
    return bool(rel < threshold), float(rel)
