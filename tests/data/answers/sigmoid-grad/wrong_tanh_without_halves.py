# expect: failed | is sigmoid'(2z)
import numpy as np


def sigmoid_grad(z):
    # from sigmoid = (1 + tanh(z/2))/2 the derivative is (1 - tanh(z/2)**2)/4; both halves lost
    return 0.25 * (1.0 - np.tanh(z) ** 2)
