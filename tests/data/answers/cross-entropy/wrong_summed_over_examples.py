# expect: failed | divide the summed loss by m
import numpy as np


def cross_entropy(y_hat, y):
    """The summed loss over the batch, as reduction='sum' would give."""
    return float(-np.einsum("ij,ij->", y, np.log(y_hat)))
