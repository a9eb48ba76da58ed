# expect: failed | the values without their keys: return a dict that names each one
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)
    slope = np.diff(np.sin(knots)) / np.diff(knots)
    W1 = np.ones((20, 1))
    b1 = -knots[:-1, None]
    W2 = np.diff(slope, prepend=0.0)[None, :]
    b2 = np.array([[np.sin(knots[0])]])
    return W1, b1, W2, b2
