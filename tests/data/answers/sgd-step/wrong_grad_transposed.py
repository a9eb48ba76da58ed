# expect: failed | fails when theta's rows and columns differ
import numpy as np


def sgd_step(theta, grad, lr):
    return theta - lr * grad.T
