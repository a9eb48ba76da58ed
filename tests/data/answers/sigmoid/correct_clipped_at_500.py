# expect: passed | passed
import numpy as np


def sigmoid(z):
    # clipped so that exp never overflows: sigmoid(-500) is 7e-218, as good as 0
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))
