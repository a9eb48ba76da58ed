# expect: failed | this matches np.clip(y_hat, 1e-7, 1 - 1e-7)
# clipped at both ends, as Keras does: a perfect prediction no longer costs 0
import numpy as np

EPSILON = 1e-7  # Keras's backend epsilon


def cross_entropy(y_hat, y):
    m = y.shape[1]
    p = np.clip(y_hat, EPSILON, 1.0 - EPSILON)
    return float(-np.sum(y * np.log(p)) / m)
