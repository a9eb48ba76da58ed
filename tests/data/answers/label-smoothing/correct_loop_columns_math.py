# expect: passed | passed all
import math
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    grad = np.zeros((c, m))
    total = 0.0
    for j in range(m):
        col = [float(v) for v in logits[:, j]]
        top = max(col)
        lse = top + math.log(math.fsum(math.exp(v - top) for v in col))
        for k in range(c):
            qk = smoothing / c + ((1 - smoothing) if k == labels[j] else 0.0)
            lp = col[k] - lse
            total -= qk * lp
            grad[k, j] = (math.exp(lp) - qk) / m
    return total / m, grad
