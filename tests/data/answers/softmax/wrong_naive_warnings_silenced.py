# expect: failed | exp(z) overflowed to inf and inf / inf is NaN
# the naive form with numpy's warnings silenced: the NaN comes through anyway
import numpy as np
def softmax(z):
    with np.errstate(all="ignore"):
        e = np.exp(z)
        return e / e.sum(axis=0, keepdims=True)
