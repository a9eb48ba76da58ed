"""A correct solution for the sigmoid-grad drill."""

import numpy as np


def sigmoid_grad(z):
    """sigma'(z) = sigma(z) * (1 - sigma(z)) = e^-|z| / (1 + e^-|z|)^2, symmetric in z.

    The second form keeps full relative accuracy for large |z|, where 1 - sigma(z)
    would round to 0; it never overflows since e^-|z| is in (0, 1].
    """
    e = np.exp(-np.abs(np.asarray(z, dtype=np.float64)))
    return e / (1.0 + e) ** 2
