# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # log sigmoid(z) = -softplus(-z), log(1 - sigmoid(z)) = -softplus(z)
    log_sig = -np.logaddexp(0.0, -z)
    log_one_minus = -np.logaddexp(0.0, z)
    loss = -(y * log_sig + (1.0 - y) * log_one_minus)
    dz = (np.exp(log_sig) - y) / z.size
    return float(loss.mean()), dz
