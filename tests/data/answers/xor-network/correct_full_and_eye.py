# expect: passed | passed all
import numpy as np


def xor_params():
    W1 = np.full((2, 2), 1.0)
    b1 = np.array([0.0, -1.0])[:, None]
    W2 = np.array([1.0, -2.0]).reshape(1, 2)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": np.zeros((1, 1))}
