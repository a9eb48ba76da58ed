# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    # -log sigmoid(z) = log(1 + e^-z) = logaddexp(0, -z); -log(1 - sigmoid(z)) = logaddexp(0, z)
    per_entry = y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
    # sigmoid(z) - y written as a difference of two sigmoids that never overflow
    p = np.exp(-np.logaddexp(0.0, -z))
    return per_entry.mean(), (p - y) / np.size(z)
