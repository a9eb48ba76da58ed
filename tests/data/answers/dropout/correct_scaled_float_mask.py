# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    keep = (rng.uniform(size=A.shape) < keep_prob).astype(np.float64)
    return A * keep * (1.0 / keep_prob), keep


def dropout_backward(dout, mask, keep_prob):
    return dout * mask * (1.0 / keep_prob)
