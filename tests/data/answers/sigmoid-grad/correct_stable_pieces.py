# expect: passed | passed
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow for either sign
    s_pos = 1.0 / (1.0 + e)  # sigmoid(|z|)
    return s_pos * (1.0 - s_pos)  # sigmoid'(z) = sigmoid'(|z|): the derivative is even
