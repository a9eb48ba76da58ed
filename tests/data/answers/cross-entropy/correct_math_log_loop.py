# expect: passed | passed all
import math


def cross_entropy(y_hat, y):
    # a plain loop over the examples, each log taken with math.log
    c, m = y.shape
    total = 0.0
    for k in range(m):
        for i in range(c):
            if y[i, k] == 1:
                total -= math.log(float(y_hat[i, k]))
    return total / m
