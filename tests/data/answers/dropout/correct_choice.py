# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.choice([False, True], size=A.shape, p=[1.0 - keep_prob, keep_prob])
    return np.where(mask, A / keep_prob, 0.0), mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
