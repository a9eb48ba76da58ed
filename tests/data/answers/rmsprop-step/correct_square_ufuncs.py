# expect: passed | passed
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = np.add(np.multiply(rho, s), np.multiply(1.0 - rho, np.square(grad)))
    step = np.divide(grad, np.add(np.sqrt(s_new), eps))
    return np.subtract(theta, np.multiply(lr, step)), s_new
