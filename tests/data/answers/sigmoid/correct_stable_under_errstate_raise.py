# expect: passed | passed all
import numpy as np


def sigmoid(z):
    # the stable form raises nothing even with every floating-point error made fatal
    with np.errstate(all="raise", under="ignore"):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
