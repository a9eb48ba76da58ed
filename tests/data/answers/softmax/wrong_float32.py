# expect: failed | expected float64
import numpy as np


def softmax(z):
    z = z.astype(np.float32)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
