# expect: passed | passed
import numpy as np


def sine_params():
    # make the network equal sin at every knot: at knot k[j] only the units with k[i] < k[j]
    # are on, so the conditions are a lower-triangular system for the output weights
    k = np.linspace(-np.pi, np.pi, 23)
    b2 = np.sin(k[0])
    hidden = np.maximum(k[1:, None] - k[None, :-1], 0.0)  # (h, h): row j is knot j + 1
    w2 = np.linalg.solve(hidden, np.sin(k[1:]) - b2)
    h = w2.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -k[:-1].reshape(h, 1),
        "W2": w2.reshape(1, h),
        "b2": np.array([[b2]]),
    }
