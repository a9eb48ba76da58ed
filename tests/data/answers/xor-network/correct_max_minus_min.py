# expect: passed | passed
import numpy as np


def xor_params():
    # relu(x1 - x2) + relu(x2 - x1) = |x1 - x2|, which is XOR on {0, 1}
    W1 = np.array([[1, -1], [-1, 1]], dtype=np.float64)
    return {"W1": W1, "b1": np.zeros((2, 1)), "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
