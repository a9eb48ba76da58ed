# expect: failed | the max was subtracted in the numerator only
import numpy as np


def softmax(z):
    shifted = np.exp(z - np.max(z, axis=0, keepdims=True))
    return shifted / np.sum(np.exp(z), axis=0, keepdims=True)
