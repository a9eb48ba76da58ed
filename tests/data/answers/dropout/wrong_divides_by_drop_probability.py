# expect: failed | the survivors were divided by the drop probability
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # confuses the drop probability with the keep probability when scaling
    mask = rng.random(A.shape) < keep_prob
    return A * mask / (1 - keep_prob), mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / (1 - keep_prob)
