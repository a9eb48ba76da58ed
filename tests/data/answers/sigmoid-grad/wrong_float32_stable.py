# expect: failed | float32 precision only
import numpy as np


def sigmoid_grad(z):
    z32 = np.asarray(z, dtype=np.float32)  # "float32 is enough for activations"
    e = np.exp(-np.abs(z32))
    return (e / (1 + e) ** 2).astype(np.float64)
