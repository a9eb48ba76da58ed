# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    # one buffer: -lr * grad written into a fresh array, then theta added to it
    step = np.empty_like(theta, dtype=np.float64)
    np.multiply(grad, -lr, out=step)
    step += theta
    return step
