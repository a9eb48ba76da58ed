# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    z = np.asarray(z, dtype=np.float64)
    per = np.maximum(z, 0) - z * y + np.logaddexp(0.0, -np.abs(z))
    n = per.size
    dz = np.exp(-np.logaddexp(0.0, -z))  # sigmoid(z) = exp(-log(1 + e^-z))
    dz -= y
    dz /= n
    return float(np.sum(per) / n), dz
