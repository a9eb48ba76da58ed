# expect: passed | passed all
import numpy as np

np.seterr(all="ignore")  # set once as the file loads; the stable form never needs it


def sigmoid(z):
    with np.errstate(divide="ignore"):
        e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)
