# expect: failed | the 1-inputs give 0.2 or more, the 0-inputs 0 or less), but 0.5 does not fall between them
import numpy as np


def xor_params():
    # the tent scaled down to a fifth: 0, 0.2, 0.2, 0 is the right shape, all below 0.5
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[0.2, -0.4]]),
        "b2": np.zeros((1, 1)),
    }
