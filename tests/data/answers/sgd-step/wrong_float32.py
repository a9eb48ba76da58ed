# expect: failed | float
import numpy as np


def sgd_step(theta, grad, lr):
    return (theta - lr * grad).astype(np.float32)
