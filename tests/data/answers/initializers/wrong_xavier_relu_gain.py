# expect: failed | a gain of sqrt(2) (PyTorch's calculate_gain('relu')) was put on the Xavier draw
import math

import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * math.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    # xavier_normal_(w, gain=calculate_gain("relu")): the gain sqrt(2) doubles the variance
    gain = math.sqrt(2.0)
    return rng.standard_normal((n_out, n_in)) * gain * math.sqrt(2.0 / (n_in + n_out))
