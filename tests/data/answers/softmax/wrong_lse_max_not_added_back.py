# expect: failed | the logsumexp lost the max it subtracted
import numpy as np


def softmax(z):
    """exp(z - logsumexp(z)), with the max subtracted inside the sum but never added back."""
    m = np.max(z, axis=0, keepdims=True)
    lse = np.log(np.sum(np.exp(z - m), axis=0, keepdims=True))
    return np.exp(z - lse)
