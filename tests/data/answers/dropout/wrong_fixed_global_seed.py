# expect: failed | the code re-seeded np.random.*
import numpy as np


def dropout_forward(A, keep_prob, rng):
    """np.random.seed(1) as in the course notebook, so the mask never changes."""
    np.random.seed(1)
    mask = (np.random.rand(*A.shape) < keep_prob).astype(np.float64)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
