# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    flat_t, flat_g = theta.reshape(-1), grad.reshape(-1)
    return np.array([t - lr * g for t, g in zip(flat_t, flat_g)], dtype=np.float64).reshape(theta.shape)
