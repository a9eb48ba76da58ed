# expect: failed | your result matches in float16 precision only
import numpy as np


def softmax(z):
    shifted = (z - z.max(axis=0, keepdims=True)).astype(np.float16)
    e = np.exp(shifted)
    return (e / e.sum(axis=0, keepdims=True)).astype(np.float64)
