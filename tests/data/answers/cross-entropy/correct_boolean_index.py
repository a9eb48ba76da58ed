# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    # one true entry per column: the boolean index picks exactly m probabilities
    return -np.mean(np.log(y_hat[y == 1]))
