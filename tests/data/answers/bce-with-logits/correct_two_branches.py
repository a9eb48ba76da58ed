# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # each entry's loss by the sign of its logit, written out
    z = np.asarray(z, dtype=np.float64)
    pos = z >= 0
    per = np.empty_like(z)
    e = np.exp(-np.abs(z))
    per[pos] = (1 - y[pos]) * z[pos] + np.log1p(e[pos])
    per[~pos] = -y[~pos] * z[~pos] + np.log1p(e[~pos])
    sig = np.where(pos, 1 / (1 + e), e / (1 + e))
    return float(np.sum(per) / z.size), (sig - y) / z.size
