# expect: passed | passed all
import numpy as np


def sigmoid(z):
    # log sigmoid(z) = -softplus(-z) = -(max(-z, 0) + log1p(exp(-|z|))): every exp argument <= 0
    log_s = -(np.maximum(-z, 0.0) + np.log1p(np.exp(-np.abs(z))))
    return np.exp(log_s)
