# expect: passed | passed
import numpy as np


def softmax(Z):
    """Shift by the column max in place on a float copy, then normalize with einsum."""
    E = np.array(Z, dtype=float)
    E -= E.max(axis=0)
    np.exp(E, out=E)
    E /= np.einsum("ij->j", E)
    return E
