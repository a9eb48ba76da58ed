# expect: failed | units every time
import numpy as np


def dropout_forward(A, keep_prob, rng):
    # keeps exactly round(keep_prob * n) units, chosen by a permutation: the right fraction
    # on average, but units are not kept independently, so the count never varies
    n = A.size
    kept = rng.permutation(n)[: int(round(keep_prob * n))]
    mask = np.zeros(n, dtype=bool)
    mask[kept] = True
    mask = mask.reshape(A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
