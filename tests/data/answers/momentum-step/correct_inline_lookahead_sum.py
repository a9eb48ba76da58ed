# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    # theta moves by lr * (beta * v + grad), which is lr times the new velocity
    theta_new = theta - lr * beta * v - lr * grad
    v_new = np.add(beta * v, grad)
    return theta_new, v_new
