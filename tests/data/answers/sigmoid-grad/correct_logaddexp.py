# expect: passed | passed
import numpy as np


def sigmoid_grad(z):
    log_s = -np.logaddexp(0.0, -z)
    log_one_minus_s = -np.logaddexp(0.0, z)
    return np.exp(log_s + log_one_minus_s)
