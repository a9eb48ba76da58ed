# expect: passed | passed
import numpy as np


def dropout_forward(A, keep_prob, rng):
    """Mask as 0/1 floats; the scaled mask applied with einsum."""
    mask = (rng.random(A.shape) < keep_prob).astype(np.float64)
    return np.einsum("...,...->...", A, mask / keep_prob), mask


def dropout_backward(dout, mask, keep_prob):
    out = np.array(dout, dtype=np.float64, copy=True)
    out *= mask
    out /= keep_prob
    return out
