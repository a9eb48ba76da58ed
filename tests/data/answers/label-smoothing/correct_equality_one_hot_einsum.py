# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # one-hot by comparing class indices with the labels; log-softmax shifted by each
    # column's max; the loss as one einsum over classes and examples
    c, m = logits.shape
    one_hot = (np.arange(c)[:, None] == np.asarray(labels)[None, :]).astype(np.float64)
    q = (1.0 - smoothing) * one_hot + smoothing / c
    shifted = logits - logits.max(axis=0)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0))
    loss = -np.einsum("cm,cm->", q, log_p) / m
    return float(loss), (np.exp(log_p) - q) / m
