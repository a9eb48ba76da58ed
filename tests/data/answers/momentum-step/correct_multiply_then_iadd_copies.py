# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = np.multiply(v, beta)  # a new array, so += below leaves v alone
    v_new += grad
    theta_new = theta.copy()
    theta_new -= lr * v_new
    return theta_new, v_new
