# expect: invalid | an int of 1329 bits is too large to send; a number must fit in 64 bits
import numpy as np


def cross_entropy(y_hat, y):
    # a debugging sentinel left in: an int "bigger than any loss", which no float can hold
    # (the sandbox's wire refuses an int past 64 bits, in-process too: what a person sees)
    loss = -np.sum(np.log(y_hat[y == 1])) / y.shape[1]
    return 10**400 if loss >= 0 else loss
