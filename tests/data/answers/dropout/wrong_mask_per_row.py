# expect: failed | draw per row
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # one draw per row (unit), shared by every example in the batch
    mask = np.broadcast_to(rng.random((A.shape[0], 1)) < keep_prob, A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
