# expect: passed | passed all
import numpy as np


def xor_params():
    # Goodfellow et al.'s construction, written as nested lists; W2 [1, -2] and c = [0, -1]
    return {
        "W1": np.array([[1, 1], [1, 1]], dtype=np.float64),
        "b1": np.array([[0], [-1]], dtype=np.float64),
        "W2": np.array([[1, -2]], dtype=np.float64),
        "b2": np.array([[0]], dtype=np.float64),
    }
