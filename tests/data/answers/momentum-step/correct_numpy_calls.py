# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = np.add(np.multiply(beta, v), grad)
    theta_new = np.subtract(theta, np.multiply(lr, v_new))
    return (theta_new, v_new)
