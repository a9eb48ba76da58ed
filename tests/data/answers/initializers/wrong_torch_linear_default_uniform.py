# expect: failed | PyTorch's nn.Linear default (kaiming_uniform_ with a = sqrt(5))
import math

import numpy as np


def he_init(n_in, n_out, rng):
    # nn.Linear's own default: kaiming_uniform_ with a = sqrt(5), i.e. U(-1/sqrt(n_in), 1/sqrt(n_in))
    bound = 1.0 / math.sqrt(n_in)
    return rng.uniform(-bound, bound, size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return rng.normal(0.0, math.sqrt(2.0 / (n_in + n_out)), size=(n_out, n_in))
