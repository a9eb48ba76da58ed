# expect: passed | passed
import numpy as np


class VarianceScaling:
    def __init__(self, numerator, fan):
        self.numerator, self.fan = numerator, fan

    def __call__(self, n_in, n_out, rng):
        std = np.sqrt(self.numerator / self.fan(n_in, n_out))
        return std * rng.standard_normal((n_out, n_in))


he_normal = VarianceScaling(2.0, lambda n_in, n_out: n_in)
xavier_normal = VarianceScaling(2.0, lambda n_in, n_out: n_in + n_out)


def he_init(n_in, n_out, rng):
    return he_normal(n_in, n_out, rng)


def xavier_init(n_in, n_out, rng):
    return xavier_normal(n_in, n_out, rng)
