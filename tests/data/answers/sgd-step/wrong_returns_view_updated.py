# expect: failed | changed its input theta in place
import numpy as np


def sgd_step(theta, grad, lr):
    view = theta.reshape(-1)
    view -= lr * grad.reshape(-1)
    return view.reshape(theta.shape)
