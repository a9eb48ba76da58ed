# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    work = np.array(x, dtype=np.float64)  # a copy to perturb; x stays as given
    num = np.zeros(work.size)
    for i in range(work.size):
        e = np.zeros(work.size)
        e[i] = eps
        e = e.reshape(work.shape)
        num[i] = (f(work + e) - f(work - e)) / (2.0 * eps)
    ana = np.ravel(grad_f(work)).astype(np.float64)
    top = np.sqrt(np.sum((ana - num) ** 2))
    bottom = np.sqrt(np.sum(ana**2)) + np.sqrt(np.sum(num**2))
    diff = float(np.divide(top, bottom, out=np.zeros(()), where=bottom > 0))
    return bool(diff < threshold), diff
