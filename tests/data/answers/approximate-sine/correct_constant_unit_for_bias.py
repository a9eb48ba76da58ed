# expect: passed | passed
import numpy as np


def sine_params():
    # b2 left at 0: one extra hidden unit with W1 = 0 and b1 = 1 outputs ReLU(1) = 1 for
    # every x, and its output weight carries the value at the left end
    knots = np.linspace(-np.pi, np.pi, 31)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    W1 = np.vstack([np.ones((30, 1)), [[0.0]]])
    b1 = np.vstack([-knots[:-1, None], [[1.0]]])
    W2 = np.append(np.diff(slopes, prepend=0.0), np.sin(knots[0]))[None, :]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": np.zeros((1, 1))}
