# expect: failed | yours is ||num - grad|| / ||num + grad||, the norm of the sum
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.asarray(grad_f(x), dtype=np.float64)
    num = np.empty_like(ana)
    for i in np.ndindex(*x.shape):
        saved = float(x[i])
        x[i] = saved + eps
        plus = f(x)
        x[i] = saved - eps
        minus = f(x)
        x[i] = saved
        num[i] = (plus - minus) / (2 * eps)
    # one norm of the sum where the sum of the two norms was meant
    bottom = np.linalg.norm(num + ana)
    rel = float(np.linalg.norm(num - ana) / bottom) if bottom else 0.0
    return bool(rel < threshold), rel
