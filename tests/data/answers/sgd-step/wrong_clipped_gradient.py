# expect: failed | clipped to [-1, 1]
import numpy as np


def sgd_step(theta, grad, lr):
    # "keep the step safe"
    return theta - lr * np.clip(grad, -1.0, 1.0)
