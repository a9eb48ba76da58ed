# expect: failed | numpy reported overflow during the call
import numpy as np


def sigmoid(z):
    # "the other form", 1 - sigmoid(-z): overflows for large positive z instead
    return 1.0 - 1.0 / (1.0 + np.exp(z))
