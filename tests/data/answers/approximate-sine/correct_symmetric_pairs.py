# expect: passed | passed
import numpy as np


def sine_params():
    # knots every pi/12 on [-pi, pi]; the first unit relu(x + pi) carries the first slope
    t = np.linspace(-np.pi, np.pi, 25)
    y = np.sin(t)
    slopes = (y[1:] - y[:-1]) / (t[1:] - t[:-1])
    w2 = np.empty_like(slopes)
    w2[0] = slopes[0]
    w2[1:] = slopes[1:] - slopes[:-1]
    return {
        "W1": np.ones((24, 1)),
        "b1": -t[:-1, None],
        "W2": w2[None, :],
        "b2": np.array([[y[0]]]),
    }
