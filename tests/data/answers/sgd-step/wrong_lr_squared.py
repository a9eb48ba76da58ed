# expect: failed | lr was applied twice
import numpy as np


def sgd_step(theta, grad, lr):
    step = lr * grad
    return theta - lr * step  # lr applied twice
