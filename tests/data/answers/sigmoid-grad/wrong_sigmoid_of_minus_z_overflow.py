# expect: failed | or exp(z) in 1 / (1 + exp(z))
import numpy as np


def sigmoid_grad(z):
    s = np.exp(-np.logaddexp(0.0, -z))  # a stable sigmoid(z)...
    return s / (1.0 + np.exp(z))  # ...times sigmoid(-z) written naively: exp(z) overflows
