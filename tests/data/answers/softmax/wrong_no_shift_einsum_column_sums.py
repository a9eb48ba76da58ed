# expect: failed | subtract each column's max before exp, so the largest exponent is exactly 0
import numpy as np


def softmax(z):
    # the column sums by einsum, but no shift first: exp overflows for logits past about 709
    e = np.exp(z)
    return e / np.einsum("ij->j", e)
