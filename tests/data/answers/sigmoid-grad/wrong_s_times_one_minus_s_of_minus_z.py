# expect: failed | that is sigmoid(z)**2
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(z):
    # mixes the two identities s * (1 - s) and s(z) * s(-z): s(z) * (1 - s(-z)) is s(z)**2
    return _sigmoid(z) * (1.0 - _sigmoid(-z))
