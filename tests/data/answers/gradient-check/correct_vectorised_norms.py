# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    x0 = np.array(x, dtype=np.float64)
    ana = np.asarray(grad_f(x0.copy()), dtype=np.float64)
    num = np.zeros(x0.size)
    for i in range(x0.size):
        xp = x0.copy().reshape(-1)
        xm = x0.copy().reshape(-1)
        xp[i] += eps
        xm[i] -= eps
        num[i] = (f(xp.reshape(x0.shape)) - f(xm.reshape(x0.shape))) / (2 * eps)
    num = num.reshape(x0.shape)
    denom = np.sqrt(np.sum(num**2)) + np.sqrt(np.sum(ana**2))
    r = 0.0 if denom == 0 else float(np.sqrt(np.sum((num - ana) ** 2)) / denom)
    return bool(r < threshold), r
