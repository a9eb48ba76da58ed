# expect: failed | the loss sums log(y_hat) over every class
# the one-hot y never enters the sum
import numpy as np
def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.sum(np.log(y_hat)) / m)
