# expect: failed | divided by its norm
import numpy as np


def sgd_step(theta, grad, lr):
    # "clip" by dividing by the norm: this is normalized gradient descent, not SGD
    return theta - lr * grad / (np.linalg.norm(grad) + 1e-12)
