# expect: failed | the gradient flows through exactly the units the forward pass kept
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    # a fresh mask in the backward pass: the gradient must flow through the units the forward kept
    fresh = np.random.default_rng(0).random(dout.shape) < keep_prob
    return dout * fresh / keep_prob
