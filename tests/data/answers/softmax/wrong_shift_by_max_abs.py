# expect: failed | subtract each column's max before exp
import numpy as np


def softmax(z):
    # shifted by the column's largest magnitude, not its largest value
    e = np.exp(z - np.abs(z).max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
