# expect: failed | paired every logit with every label
import numpy as np


def bce_with_logits(z, y):
    # logits as a Keras-style (N, 1) column, labels flattened to (N,): the loss's z * y
    # then broadcasts to (N, N), every logit against every label
    n = z.size
    logits = z.reshape(-1, 1)
    labels = y.reshape(-1)
    loss = np.mean(np.maximum(logits, 0) - logits * labels + np.log1p(np.exp(-np.abs(logits))))
    p = 0.5 * (1.0 + np.tanh(0.5 * logits))
    dz = (p[:, 0] - labels) / n
    return float(loss), dz.reshape(z.shape)
