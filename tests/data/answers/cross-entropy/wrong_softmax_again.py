# expect: failed | y_hat went through a softmax again
import numpy as np


def cross_entropy(y_hat, y):
    # y_hat is treated as logits and put through a softmax again (a "log_softmax" habit)
    shifted = y_hat - y_hat.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(y * log_p) / y.shape[1])
