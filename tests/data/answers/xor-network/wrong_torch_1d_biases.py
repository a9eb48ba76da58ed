# expect: failed | b1 has shape (2,); expected (2, 1)
import numpy as np


def xor_params():
    # copied from a PyTorch state dict, where a Linear's bias is 1-D
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([0.0, -1.0]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([0.0]),
    }
