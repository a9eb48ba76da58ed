# expect: failed | every difference f(x + eps) - f(x - eps) behind grad is a float32 number
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # the differences kept in float32 "to save memory", divided once at the end in float64
    diffs = np.zeros(x.shape, dtype=np.float32)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = f(x)
        x[idx] = old - eps
        down = f(x)
        x[idx] = old
        diffs[idx] = up - down
    return diffs.astype(np.float64) / (2 * eps)
