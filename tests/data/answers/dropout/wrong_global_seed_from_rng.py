# expect: failed | the code re-seeded np.random.*
import numpy as np


def dropout_forward(A, keep_prob, rng):
    """Seeds np.random from rng so the mask is reproducible, then draws from np.random."""
    np.random.seed(int(rng.integers(0, 2**31)))
    mask = np.random.rand(*A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
