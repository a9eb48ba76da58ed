# expect: failed | the units face left: W1 = -1 with b1 = k makes ReLU(k - x)
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)
    slope = np.diff(np.sin(knots)) / np.diff(knots)
    # "relu(k - x)" written for the kink at k, with the weights of the relu(x - k) construction
    return {
        "W1": -np.ones((20, 1)),
        "b1": knots[:-1].reshape(-1, 1),
        "W2": np.diff(slope, prepend=0.0).reshape(1, -1),
        "b2": np.array([[np.sin(knots[0])]]),
    }
