# expect: passed | passed all
import numpy as np


def sine_params():
    # sin is odd: interpolate it on [0, pi] with g(x) = sum c_k relu(x - k_k), then
    # f(x) = g(x) - g(-x); for x >= 0 the mirrored units are off, for x < 0 the others are
    knots = np.linspace(0.0, np.pi, 13)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    c = np.diff(slopes, prepend=0.0)
    n = c.size
    W1 = np.concatenate([np.ones(n), -np.ones(n)]).reshape(2 * n, 1)
    b1 = np.concatenate([-knots[:-1], -knots[:-1]]).reshape(2 * n, 1)
    W2 = np.concatenate([c, -c]).reshape(1, 2 * n)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": np.zeros((1, 1))}
