# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    flat_t = np.ravel(theta)
    flat_g = np.ravel(grad)
    out = np.array([t - lr * g for t, g in zip(flat_t.tolist(), flat_g.tolist())], dtype=np.float64)
    return out.reshape(np.shape(theta))
