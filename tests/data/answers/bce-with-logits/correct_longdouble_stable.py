# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    # a wider type is fine when the form is stable: only -|z| is exponentiated
    wide = np.asarray(z, dtype=np.longdouble)
    e = np.exp(-np.abs(wide))
    loss = np.mean(np.maximum(wide, 0) - wide * y + np.log1p(e))
    p = np.where(wide >= 0, 1 / (1 + e), e / (1 + e))
    return float(loss), ((p - y) / z.size).astype(np.float64)
