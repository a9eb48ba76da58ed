# expect: failed | the survivors were multiplied by keep_prob; inverted dropout divides by it
import numpy as np


def dropout_forward(A, keep_prob, rng):
    """Survivors multiplied by keep_prob (the test-time rule) while backward divides."""
    mask = rng.random(A.shape) < keep_prob
    return A * mask * keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
