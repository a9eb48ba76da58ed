# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    z = logits.T
    m, c = z.shape
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    q = np.eye(c)[labels] * (1.0 - smoothing) + smoothing / c
    loss = -np.einsum("ij,ij->", q, logp) / m
    return float(loss), ((np.exp(logp) - q) / m).T
