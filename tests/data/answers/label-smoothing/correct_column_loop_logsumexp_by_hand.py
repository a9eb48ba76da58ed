# expect: passed | passed
import math

import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    grad = np.empty((c, m))
    total = 0.0
    for j in range(m):
        col = logits[:, j].tolist()
        top = max(col)
        lse = top + math.log(math.fsum(math.exp(v - top) for v in col))
        log_p = [v - lse for v in col]
        y = int(labels[j])
        total -= (1.0 - smoothing) * log_p[y] + smoothing / c * math.fsum(log_p)
        for k in range(c):
            q = smoothing / c + (1.0 - smoothing if k == y else 0.0)
            grad[k, j] = (math.exp(log_p[k]) - q) / m
    return total / m, grad
