# expect: failed | a term that grows like exp(|z|) overflowed
import numpy as np


def sigmoid_grad(z):
    sech = 1.0 / np.cosh(0.5 * z)  # cosh itself overflows once |z| passes about 1420
    return 0.25 * sech * sech
