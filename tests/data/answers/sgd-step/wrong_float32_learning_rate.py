# expect: failed | the learning rate went through float32
import numpy as np


def sgd_step(theta, grad, lr):
    # the learning rate kept as a float32 scalar, a GPU habit: its digits past the 7th are lost
    lr32 = np.float32(lr)
    return theta - lr32 * grad
