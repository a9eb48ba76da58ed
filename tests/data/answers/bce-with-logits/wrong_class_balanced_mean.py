# expect: failed | the loss averages the positives' mean and the negatives' mean
import numpy as np


def bce_with_logits(z, y):
    # mean over positives and negatives separately, then averaged (a "balanced" BCE)
    e = np.exp(-np.abs(z))
    ell = np.maximum(z, 0) - z * y + np.log1p(e)
    pos, neg = y == 1, y == 0
    loss = 0.5 * (ell[pos].mean() if pos.any() else 0.0) + 0.5 * (ell[neg].mean() if neg.any() else 0.0)
    sig = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return float(loss), (sig - y) / z.size
