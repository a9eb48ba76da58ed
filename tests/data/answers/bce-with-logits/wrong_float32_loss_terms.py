# expect: failed | float32
import numpy as np


def bce_with_logits(z, y):
    # the stable terms, each kept in float32 as a GPU framework would, averaged in float64
    z32 = np.asarray(z, dtype=np.float32)
    terms = np.maximum(z32, 0) - z32 * np.float32(1.0) * y.astype(np.float32) + np.log1p(np.exp(-np.abs(z32)))
    loss = np.mean(terms.astype(np.float64))
    sig = np.exp(-np.logaddexp(0.0, -z))
    return float(loss), (sig - y) / z.size
