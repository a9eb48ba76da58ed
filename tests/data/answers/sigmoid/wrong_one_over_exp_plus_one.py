# expect: failed | this is sigmoid(-z)
import numpy as np


def sigmoid(z):
    return 1.0 / (np.exp(z) + 1.0)
