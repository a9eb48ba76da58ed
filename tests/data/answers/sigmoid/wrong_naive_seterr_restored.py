# expect: failed | numpy reported overflow
import numpy as np


def sigmoid(z):
    # error handling switched off for the call and put back before returning
    old = np.seterr(all="ignore")
    try:
        return 1.0 / (1.0 + np.exp(-z))
    finally:
        np.seterr(**old)
