# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """Perturbs a private copy; norms through einsum; 0/0 caught explicitly."""
    analytic = np.array(grad_f(x), dtype=np.float64)
    work = x.copy()
    num = np.empty_like(analytic)
    flat = work.reshape(-1)
    for k in range(flat.size):
        old = flat[k]
        flat[k] = old + eps
        up = f(work)
        flat[k] = old - eps
        down = f(work)
        flat[k] = old
        num.reshape(-1)[k] = (up - down) / (2 * eps)
    d, n, a = (v.ravel() for v in (num - analytic, num, analytic))
    top = np.sqrt(np.einsum("i,i->", d, d))
    bottom = np.sqrt(np.einsum("i,i->", n, n)) + np.sqrt(np.einsum("i,i->", a, a))
    rel = 0.0 if bottom == 0 else float(top / bottom)
    return rel < threshold, rel
