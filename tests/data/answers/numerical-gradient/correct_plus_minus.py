# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # the seed's style: +eps, -2 eps, +eps (x comes back up to rounding)
    flat = x.reshape(-1)
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        flat[i] += eps
        loss_plus = f(x)
        flat[i] -= 2 * eps
        loss_minus = f(x)
        flat[i] += eps
        grad[i] = (loss_plus - loss_minus) / (2 * eps)
    return grad.reshape(x.shape)
