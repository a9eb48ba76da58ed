# expect: failed | the logistic loss for labels in {-1, +1}
import numpy as np


def bce_with_logits(z, y):
    # the logistic loss for labels in {-1, +1}, log(1 + exp(-y z)), fed {0, 1} labels:
    # every negative example contributes log 2
    loss = np.mean(np.logaddexp(0.0, -y * z))
    dz = -y * np.exp(-np.logaddexp(0.0, y * z)) / z.size
    return float(loss), dz
