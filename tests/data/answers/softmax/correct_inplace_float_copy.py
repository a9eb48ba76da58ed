# expect: passed | passed all
import numpy as np


def softmax(z):
    out = np.array(z, dtype=np.float64)  # a copy: the in-place steps below leave z alone
    out -= out.max(axis=0, keepdims=True)
    np.exp(out, out=out)
    out /= out.sum(axis=0, keepdims=True)
    return out
