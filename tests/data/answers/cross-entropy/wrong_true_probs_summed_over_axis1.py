# expect: failed | the true class's probabilities were summed over the examples (axis=1)
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    p = np.sum(y_hat * y, axis=1)  # over the examples: one number per class
    return float(-np.sum(np.log(p)) / m)
