# expect: failed | the hidden biases have the wrong sign: with b1 negated the network computes XOR
import numpy as np


def xor_params():
    # the second unit should fire above s = 1: its bias is -1, not +1 (outputs 0, -3, -3, -4)
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [1.0]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[0.0]]),
    }
