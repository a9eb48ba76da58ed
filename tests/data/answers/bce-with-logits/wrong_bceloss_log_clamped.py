# expect: failed | a log of 0 was taken on the way
import numpy as np


def bce_with_logits(z, y):
    # a sigmoid, then the probability loss with each log clamped at -100 (as PyTorch's
    # BCELoss clamps it): finite, but capped for confident wrong answers
    p = np.exp(-np.logaddexp(0.0, -z))
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100.0)
        log_q = np.maximum(np.log1p(-p), -100.0)
    loss = -np.mean(y * log_p + (1 - y) * log_q)
    return float(loss), (p - y) / z.size
