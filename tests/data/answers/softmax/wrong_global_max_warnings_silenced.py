# expect: failed | numpy reported invalid value
# one global max, warnings silenced: a column far below it turns into 0 / 0, which the
# grader still sees (it keeps its own error state)
import numpy as np


def softmax(z):
    with np.errstate(under="ignore", invalid="ignore"):  # keep the console quiet
        e = np.exp(z - np.max(z))
        return e / np.sum(e, axis=0, keepdims=True)
