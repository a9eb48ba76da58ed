# expect: failed | np.where evaluates both branches on every entry
import numpy as np


def sigmoid_grad(z):
    # the two-branch "stable" sigmoid by np.where: both branches are computed everywhere,
    # so exp(z) overflows for large z in the branch that is then thrown away
    z = np.asarray(z, dtype=np.float64)
    s = np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
    return s * (1.0 - s)
