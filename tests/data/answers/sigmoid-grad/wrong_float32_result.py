# expect: failed | expected float64
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return (e / (1.0 + e) ** 2).astype(np.float32)
