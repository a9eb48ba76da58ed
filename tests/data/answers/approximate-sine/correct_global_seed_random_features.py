# expect: passed | passed
import numpy as np


def sine_params():
    """Random ReLU features from a globally seeded np.random, output layer by least squares."""
    np.random.seed(0)
    h = 50
    knots = np.sort(np.random.uniform(-np.pi, np.pi, h - 2))
    knots = np.concatenate(([-np.pi - 0.1], knots, [0.0]))
    W1 = np.ones((h, 1))
    b1 = -knots.reshape(h, 1)
    x = np.linspace(-np.pi, np.pi, 2001).reshape(1, -1)
    H = np.maximum(W1 @ x + b1, 0.0)
    A = np.vstack([H, np.ones_like(x)]).T
    coef, *_ = np.linalg.lstsq(A, np.sin(x).ravel(), rcond=None)
    return {"W1": W1, "b1": b1, "W2": coef[:h].reshape(1, h), "b2": coef[h:].reshape(1, 1)}
