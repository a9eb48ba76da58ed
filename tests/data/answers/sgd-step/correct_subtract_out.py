# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    out = np.empty_like(theta)
    np.multiply(grad, -lr, out=out)
    out += theta
    return out
