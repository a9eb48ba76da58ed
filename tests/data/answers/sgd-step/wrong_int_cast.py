# expect: failed | theta has dtype int64
import numpy as np


def sgd_step(theta, grad, lr):
    return (theta - lr * grad).astype(int)
