# expect: passed | passed
import numpy as np


class Dropout:
    def __init__(self, keep_prob, rng):
        self.keep_prob, self.rng = keep_prob, rng

    def __call__(self, A):
        if self.keep_prob == 1.0:
            return A, np.ones_like(A)  # nothing is dropped: hand A back as it is
        mask = (self.rng.random(A.shape) < self.keep_prob).astype(np.float64)
        return A * mask / self.keep_prob, mask


def dropout_forward(A, keep_prob, rng):
    return Dropout(keep_prob, rng)(A)


def dropout_backward(dout, mask, keep_prob):
    return np.divide(dout * mask, keep_prob)
