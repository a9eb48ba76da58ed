# expect: failed | dz is off by a factor of about
import numpy as np


def bce_with_logits(z, y):
    # the loss is right; dz divided by the batch, z.shape[0], as if the mean ran over the
    # first axis only
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    s = np.exp(-np.logaddexp(0.0, -z))
    return float(loss), (s - y) / z.shape[0]
