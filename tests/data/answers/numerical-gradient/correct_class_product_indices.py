# expect: passed | passed all
import itertools

import numpy as np


class CentralDifference:
    def __init__(self, eps):
        self.eps = eps

    def __call__(self, f, x):
        grad = np.zeros(x.shape)
        for idx in itertools.product(*(range(n) for n in x.shape)):
            saved = x[idx]
            x[idx] = saved + self.eps
            plus = f(x)
            x[idx] = saved - self.eps
            minus = f(x)
            x[idx] = saved
            grad[idx] = (plus - minus) / (2.0 * self.eps)
        return grad


def numerical_gradient(f, x, eps=1e-5):
    return CentralDifference(eps)(f, x)
