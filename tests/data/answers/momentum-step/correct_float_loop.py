# expect: passed | passed
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = np.empty(v.shape)
    theta_new = np.empty(theta.shape)
    for idx in np.ndindex(v.shape):
        v_new[idx] = beta * v[idx] + grad[idx]
        theta_new[idx] = theta[idx] - lr * v_new[idx]
    return theta_new, v_new
