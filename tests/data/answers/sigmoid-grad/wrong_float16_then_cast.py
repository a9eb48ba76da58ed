# expect: failed | every value of sigmoid_grad(...) is a float16 number
import numpy as np


def sigmoid_grad(z):
    h = np.asarray(z, dtype=np.float16)  # "half precision is plenty for a derivative"
    s = np.where(h >= 0, 1 / (1 + np.exp(-np.abs(h))), np.exp(-np.abs(h)) / (1 + np.exp(-np.abs(h))))
    return (s * (1 - s)).astype(np.float64)
