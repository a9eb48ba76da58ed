# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    # the update as its own array, then added: np.add makes a new array
    step = np.multiply(-lr, grad)
    return np.add(theta, step)
