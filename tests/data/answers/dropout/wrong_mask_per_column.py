# expect: failed | draw one per element, rng.random(A.shape) < keep_prob
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # one draw per example (column): whole examples are dropped, not single units
    keep = rng.random((1,) + A.shape[1:]) < keep_prob
    mask = np.broadcast_to(keep, A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
