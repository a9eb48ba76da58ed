# expect: failed | divided by the sum of the shifted logits
import numpy as np


def softmax(z):
    shifted = z - z.max(axis=0, keepdims=True)
    return np.exp(shifted) / np.sum(shifted, axis=0, keepdims=True)
