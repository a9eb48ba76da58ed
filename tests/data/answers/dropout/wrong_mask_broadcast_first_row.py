# expect: failed | draw one per element
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random((1, A.shape[1])) < keep_prob
    mask = np.broadcast_to(mask, A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
