# expect: passed | passed
import numpy as np


def xor_params():
    # relu(x1 - x2) + relu(x2 - x1) = |x1 - x2|
    params = {"W1": [[1, -1], [-1, 1]], "b1": [[0], [0]], "W2": [[1, 1]], "b2": [[0]]}
    return {k: np.array(v, dtype=np.float64) for k, v in params.items()}
