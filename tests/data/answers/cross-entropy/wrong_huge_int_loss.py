# expect: failed | the loss is an int with 401 digits, too large for a float64
import numpy as np


def cross_entropy(y_hat, y):
    # a debugging sentinel left in: an int "bigger than any loss", which no float can hold
    loss = -np.sum(np.log(y_hat[y == 1])) / y.shape[1]
    return 10**400 if loss >= 0 else loss
