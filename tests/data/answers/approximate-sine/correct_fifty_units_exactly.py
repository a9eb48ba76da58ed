# expect: passed | passed all
import numpy as np


def sine_params():
    # the card's limit used in full: 51 knots, so 50 units relu(x - t_i) for t_0..t_49
    t = np.linspace(-np.pi, np.pi, 51)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.empty_like(slopes)
    changes[0] = slopes[0]
    changes[1:] = slopes[1:] - slopes[:-1]
    return {
        "W1": np.ones((50, 1)),
        "b1": -t[:50, None],
        "W2": changes[None, :],
        "b2": np.full((1, 1), np.sin(-np.pi)),
    }
