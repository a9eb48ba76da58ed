# expect: failed | the largest predicted probability
import numpy as np


def cross_entropy(y_hat, y):
    # the log of the predicted class instead of the true one
    return float(-np.mean(np.log(y_hat.max(axis=0))))
