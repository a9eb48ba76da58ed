# expect: failed | np.mean over all c*m entries divides by c
import numpy as np


def cross_entropy(y_hat, y):
    """-y*log(y_hat) averaged over every entry (classes times examples), not over the examples."""
    return float(np.mean(-y * np.log(y_hat)))
