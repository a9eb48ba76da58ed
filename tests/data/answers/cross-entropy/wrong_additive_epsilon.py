# expect: failed | this matches log(y_hat + 1e-7): an additive epsilon shifts every log
import numpy as np


def cross_entropy(y_hat, y):
    # a widespread guard against log(0); it shifts the loss on ordinary inputs
    m = y.shape[1]
    return float(-np.sum(y * np.log(y_hat + 1e-7)) / m)
