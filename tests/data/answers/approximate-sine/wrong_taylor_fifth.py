# expect: failed | the network follows sin's Taylor series cut after x^5
import math

import numpy as np


def sine_params():
    # the series to x^5, and the output layer fitted to it by least squares
    knots = np.linspace(-np.pi, np.pi, 41)
    W1 = np.ones((40, 1))
    b1 = -knots[:-1].reshape(40, 1)
    x = np.linspace(-np.pi, np.pi, 400)
    target = sum((-1) ** i * x ** (2 * i + 1) / math.factorial(2 * i + 1) for i in range(3))
    H = np.maximum(W1 @ x[None, :] + b1, 0.0)
    A = np.vstack([H, np.ones((1, x.size))]).T
    coef = np.linalg.lstsq(A, target, rcond=None)[0]
    return {"W1": W1, "b1": b1, "W2": coef[:-1].reshape(1, 40), "b2": coef[-1:].reshape(1, 1)}
