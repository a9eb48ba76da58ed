# expect: failed | numpy reported overflow
import numpy as np


def sigmoid(z):
    # silencing the warning does not make exp(-z) stop overflowing for z below -709
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))
