# expect: passed | passed
import math


def cross_entropy(y_hat, y):
    """A plain loop over the examples; each one-hot column picks its class."""
    k, m = y.shape
    total = 0.0
    for j in range(m):
        for i in range(k):
            if y[i, j] == 1:
                total -= math.log(float(y_hat[i, j]))
    return total / m
