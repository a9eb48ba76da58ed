# expect: error | first problem in case 2: a weight matrix
import numpy as np


def sgd_step(theta, grad, lr):
    return theta - lr * grad.T
