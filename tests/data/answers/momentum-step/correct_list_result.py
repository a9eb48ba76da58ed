# expect: passed | passed
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = np.add(np.multiply(beta, v), grad)
    return [np.subtract(theta, np.multiply(lr, v_new)), v_new]  # a list of the two is fine
