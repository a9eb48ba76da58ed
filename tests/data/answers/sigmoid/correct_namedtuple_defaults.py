# expect: passed | passed all
from collections import namedtuple

import numpy as np

# namedtuple sets the defaults of the __new__ it makes: the sandbox refused that once
Parts2 = namedtuple("Parts2", "pos neg", defaults=(None,))


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    parts = Parts2(pos=z >= 0)
    out = np.empty_like(z)
    out[parts.pos] = 1.0 / (1.0 + np.exp(-z[parts.pos]))
    e = np.exp(z[~parts.pos])
    out[~parts.pos] = e / (1.0 + e)
    return out
