# expect: failed | the survivors were multiplied by keep_prob
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # classic dropout's test-time scaling applied while training
    mask = rng.random(A.shape) < keep_prob
    return A * mask * keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask * keep_prob
