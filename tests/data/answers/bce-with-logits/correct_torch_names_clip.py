# expect: passed | passed all
import numpy as np


def bce_with_logits(input, target):
    x = np.asarray(input, dtype=np.float64)
    loss = np.clip(x, 0.0, None) - x * target + np.log1p(np.exp(-np.abs(x)))
    e = np.exp(-np.abs(x))
    sig = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(loss.mean()), (sig - target) / x.size
