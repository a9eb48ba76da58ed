# expect: failed | the probabilities went through float32
import numpy as np


def cross_entropy(y_hat, y):
    # the log in float32 ("GPU precision"), turned to nats with a float64 ln 2,
    # so the result is no longer a float32 number
    m = y.shape[1]
    p = y_hat[y == 1].astype(np.float32)
    return float(-np.sum(np.log2(p)) * np.log(2.0) / m)
