# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = np.add(np.multiply(rho, s), np.multiply(1.0 - rho, np.float_power(grad, 2)))
    theta_new = np.subtract(theta, lr * np.divide(grad, np.add(np.power(s_new, 0.5), eps)))
    return [theta_new, s_new]
