# expect: passed | passed all
import numpy as np


def softmax(z):
    # log-sum-exp of each column without scipy: logaddexp folds the column pairwise, stably
    lse = np.logaddexp.reduce(z, axis=0, keepdims=True)
    return np.exp(z - lse)
