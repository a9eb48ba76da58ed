# expect: failed | z was clipped to [-20, 20]
import numpy as np


def sigmoid(z):
    # clipping the input to avoid overflow, but far too tightly: sigma(20) is not 1
    zc = np.clip(z, -20.0, 20.0)
    return 1.0 / (1.0 + np.exp(-zc))
