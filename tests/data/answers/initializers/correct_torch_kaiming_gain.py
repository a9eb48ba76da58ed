# expect: passed | passed
import math

import numpy as np


def _gain(nonlinearity):
    return math.sqrt(2.0) if nonlinearity == "relu" else 1.0


def he_init(n_in, n_out, rng):
    # torch.nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu"); w is (out, in)
    std = _gain("relu") / math.sqrt(n_in)
    return std * rng.standard_normal((n_out, n_in))


def xavier_init(n_in, n_out, rng):
    # torch.nn.init.xavier_normal_(w) with its default gain of 1
    std = _gain("linear") * math.sqrt(2.0 / float(n_in + n_out))
    return std * rng.standard_normal((n_out, n_in))
