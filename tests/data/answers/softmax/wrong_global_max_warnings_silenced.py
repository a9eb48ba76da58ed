# expect: failed | one max for the whole matrix was subtracted
# one global max, warnings silenced: a column far below it turns into 0 / 0
import numpy as np


def softmax(z):
    with np.errstate(under="ignore", invalid="ignore"):  # keep the console quiet
        e = np.exp(z - np.max(z))
        return e / np.sum(e, axis=0, keepdims=True)
