# expect: failed | units every time
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # samples int(keep_prob * n) positions without replacement: a fixed count again
    flat = np.zeros(A.size)
    flat[rng.choice(A.size, size=int(keep_prob * A.size), replace=False)] = 1.0
    mask = flat.reshape(A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
