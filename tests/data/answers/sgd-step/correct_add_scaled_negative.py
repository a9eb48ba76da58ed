# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    return np.add(theta, np.multiply(grad, -lr))
