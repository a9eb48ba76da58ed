# expect: passed | passed
def he_init(n_in, n_out, rng):
    std = (2.0 / n_in) ** 0.5
    return std * rng.standard_normal(size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    std = (2.0 / (n_in + n_out)) ** 0.5
    return std * rng.standard_normal(size=(n_out, n_in))
