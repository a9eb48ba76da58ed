# expect: failed | that is sigmoid'(sigmoid(z))
import numpy as np


def _sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -x))


def sigmoid_grad(z):
    a = _sigmoid(z)
    # the derivative written for the activation's output a, then handed a through sigmoid again
    return _sigmoid(a) * (1.0 - _sigmoid(a))
