# expect: failed | rows and columns
import numpy as np


def sgd_step(theta, grad, lr):
    return theta - lr * grad.T
