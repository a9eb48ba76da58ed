# expect: passed | passed
import numpy as np


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def sigmoid_grad(z):
    # 1 - sigmoid(z) = sigmoid(-z): no cancellation for large z
    return _sigmoid(z) * _sigmoid(-z)
