# expect: passed | passed
import numpy as np


def sine_params():
    # each segment's slope is sin's derivative at the segment's midpoint, cos(m): the
    # midpoint rule misses the chord's slope by about h**2 / 24, far inside the tolerance
    knots = np.linspace(-np.pi, np.pi, 25)
    mids = (knots[:-1] + knots[1:]) / 2
    slopes = np.cos(mids)
    h = mids.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots[:-1, None],
        "W2": np.diff(slopes, prepend=0.0)[None, :],
        "b2": np.zeros((1, 1)),
    }
