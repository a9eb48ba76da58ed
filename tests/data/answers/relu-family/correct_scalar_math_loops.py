# expect: passed | passed
import math

import numpy as np


def _each(z, rule):
    """Apply a scalar rule to every entry with a Python loop: slow, but plain."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    for idx, value in np.ndenumerate(z):
        out[idx] = rule(float(value))
    return out


def relu(z):
    return _each(z, lambda v: v if v > 0 else 0.0)


def relu_grad(z):
    return _each(z, lambda v: 1.0 if v > 0 else 0.0)


def leaky_relu(z, alpha=0.01):
    return _each(z, lambda v: v if v > 0 else alpha * v)


def elu(z, alpha=1.0):
    return _each(z, lambda v: v if v > 0 else alpha * math.expm1(v))
