# expect: passed | passed
import numpy as np


def cross_entropy(y_hat, y):
    # only the target entries count; log is taken where y == 1 only, so y_hat == 0 elsewhere is fine
    logs = np.log(y_hat, out=np.zeros_like(y_hat, dtype=np.float64), where=y > 0)
    return -float(np.sum(y * logs)) / y.shape[1]
