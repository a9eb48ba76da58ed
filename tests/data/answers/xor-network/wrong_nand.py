# expect: failed | the network computes NAND, not XOR
import numpy as np


def xor_params():
    # 1 - relu(x1 + x2 - 1), padded with an idle unit: NAND, wrong at (0, 0)
    return {
        "W1": np.array([[1.0, 1.0], [0.0, 0.0]]),
        "b1": np.array([[-1.0], [0.0]]),
        "W2": np.array([[-1.0, 0.0]]),
        "b2": np.array([[1.0]]),
    }
