# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # 0 and 1 are exact in float16, and the mask is a quarter the size of a float64 one
    mask = (rng.random(A.shape) < keep_prob).astype(np.float16)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
