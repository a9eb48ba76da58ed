# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    theta_new = np.array(theta, dtype=np.float64)
    v_new = np.array(v, dtype=np.float64)
    for idx in np.ndindex(v_new.shape):
        v_new[idx] = beta * v_new[idx] + grad[idx]
        theta_new[idx] -= lr * v_new[idx]
    return theta_new, v_new
