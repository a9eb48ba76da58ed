# expect: passed | passed
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    """Velocity as the sum of beta*v and grad, built with einsum on copies."""
    v_new = np.einsum("...,->...", v, beta) + grad
    theta_new = theta.copy()
    theta_new -= lr * v_new
    return theta_new, v_new
