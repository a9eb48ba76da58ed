# expect: passed | passed
import numpy as np


def sigmoid_grad(z):
    # sigmoid'(z) = 1 / (4 cosh^2(z / 2)) = (1 - tanh^2(z / 2)) / 4
    t = np.tanh(0.5 * z)
    return 0.25 * (1.0 - t * t)
