# expect: failed | got a tuple of 2 items, the first of them the expected
import numpy as np


def sgd_step(theta, grad, lr):
    # the optimizer loop's habit of returning the new parameters with the gradient
    theta = theta - lr * grad
    return theta, grad
