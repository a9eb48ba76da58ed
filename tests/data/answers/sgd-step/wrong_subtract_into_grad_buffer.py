# expect: failed | changed its input grad in place
import numpy as np


def sgd_step(theta, grad, lr):
    # saves an allocation by writing the result into grad's memory: the caller's gradient
    # is overwritten with the new parameters
    np.multiply(grad, lr, out=grad)
    return np.subtract(theta, grad, out=grad)
