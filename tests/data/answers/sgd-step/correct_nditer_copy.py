# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    """Entry by entry with np.nditer over a copy: slow on big arrays, right on any."""
    new = np.array(theta, dtype=np.float64, copy=True)
    with np.nditer([new, grad], op_flags=[["readwrite"], ["readonly"]]) as it:
        for t, g in it:
            t[...] = t - lr * g
    return new
