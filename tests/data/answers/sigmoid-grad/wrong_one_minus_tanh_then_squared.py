# expect: failed | the square over the parenthesis
import numpy as np


def sigmoid_grad(z):
    # sigma' = (1 - tanh(z/2)**2) / 4 with the square moved outside the parenthesis
    return 0.25 * (1.0 - np.tanh(z / 2.0)) ** 2
