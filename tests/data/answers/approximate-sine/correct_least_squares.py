# expect: passed | passed all
import numpy as np


def sine_params():
    # fixed hinge units in both directions, output layer fitted by least squares
    knots = np.linspace(-np.pi, np.pi, 20)
    W1 = np.concatenate([np.ones(20), -np.ones(20)]).reshape(40, 1)
    b1 = np.concatenate([-knots, knots]).reshape(40, 1)
    x = np.linspace(-np.pi, np.pi, 1000).reshape(1, -1)
    H = np.maximum(W1 @ x + b1, 0.0)
    design = np.vstack([H, np.ones_like(x)]).T
    coef, *_ = np.linalg.lstsq(design, np.sin(x[0]), rcond=None)
    return {"W1": W1, "b1": b1, "W2": coef[:-1].reshape(1, 40), "b2": coef[-1:].reshape(1, 1)}
