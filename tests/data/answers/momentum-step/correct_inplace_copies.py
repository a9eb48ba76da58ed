# expect: passed | passed
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = v.copy()
    v_new *= beta
    v_new += grad
    theta_new = theta.copy()
    theta_new -= lr * v_new
    return theta_new, v_new
