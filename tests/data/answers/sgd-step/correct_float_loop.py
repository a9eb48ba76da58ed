# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    new = np.array(theta, dtype=np.float64, copy=True)
    flat_new = new.reshape(-1)
    flat_g = np.asarray(grad).reshape(-1)
    for i in range(flat_new.size):
        flat_new[i] -= lr * flat_g[i]
    return new
