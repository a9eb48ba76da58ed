# expect: failed | expected float64
import numpy as np


def sigmoid(z):
    z = z.astype(np.float32)
    return (0.5 * (1.0 + np.tanh(0.5 * z))).astype(np.float32)
