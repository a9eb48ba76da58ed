# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.array(grad_f(x), dtype=np.float64)
    num = np.empty_like(ana)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    diff = num - ana

    def norm(a):
        return np.sqrt(np.einsum("i,i->", a.ravel(), a.ravel()))

    rel = float(norm(diff) / (norm(num) + norm(ana) + 1e-12))
    return bool(rel < threshold), rel
