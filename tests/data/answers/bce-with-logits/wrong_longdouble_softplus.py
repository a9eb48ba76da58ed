# expect: failed | numpy reported
import numpy as np


def bce_with_logits(z, y):
    # log(1 + e^z) - y z, right in value, but e^z is finite in long double only up to 11356
    wide = np.asarray(z, dtype=np.longdouble)
    loss = np.mean(np.log1p(np.exp(wide)) - y * wide)
    p = 1.0 / (1.0 + np.exp(-wide))
    return float(loss), ((p - y) / z.size).astype(np.float64)
