# expect: failed | the same seed gave different results: draw random numbers only from the rng argument (rng.random, rng.binomial...); this code drew from np.random.*
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = np.random.rand(*A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
