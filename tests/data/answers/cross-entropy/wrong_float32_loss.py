# expect: failed | the loss is a float32 number; expected float64
import numpy as np


def cross_entropy(y_hat, y):
    # "float32 is what the GPU uses": the probabilities are cut to float32 before the log
    p = y_hat.astype(np.float32)
    return -np.sum(np.log(p[y == 1])) / y.shape[1]
