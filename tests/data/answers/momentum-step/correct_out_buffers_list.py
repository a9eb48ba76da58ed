# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = np.multiply(v, beta)
    np.add(v_new, grad, out=v_new)
    theta_new = theta.copy()
    theta_new -= lr * v_new
    return [theta_new, v_new]
