# expect: failed | the backward pass reuses the forward pass's mask and its scale
import numpy as np


def dropout_forward(A, keep_prob, rng):
    mask = rng.random(A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    # scales by the fraction actually kept instead of keep_prob
    return dout * mask / max(mask.mean(), 1e-12)
