# expect: passed | passed
import numpy as np


def softmax(z):
    # one float64 copy of z (whatever dtype it came in), then every step in that buffer;
    # the column reductions broadcast over the rows without keepdims
    out = np.array(z, dtype=np.float64)
    out -= out.max(axis=0)
    np.exp(out, out=out)
    out /= out.sum(axis=0)
    return out
