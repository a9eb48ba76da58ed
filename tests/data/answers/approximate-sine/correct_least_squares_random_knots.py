# expect: passed | passed all
import numpy as np


def sine_params():
    # fixed knots on a grid, output layer fitted by least squares on dense points
    knots = np.linspace(-np.pi, np.pi, 41)[:-1]
    x = np.linspace(-np.pi, np.pi, 2001)[None, :]
    H = np.maximum(x - knots[:, None], 0.0)
    design = np.vstack([H, np.ones_like(x)]).T
    coef, *_ = np.linalg.lstsq(design, np.sin(x).ravel(), rcond=None)
    return {
        "W1": np.ones((knots.size, 1)),
        "b1": -knots[:, None],
        "W2": coef[:-1][None, :],
        "b2": np.array([[coef[-1]]]),
    }
