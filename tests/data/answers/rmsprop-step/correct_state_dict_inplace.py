# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # the optimizer's per-parameter state, updated in place on copies
    state = {"square_avg": s.copy()}
    square_avg = state["square_avg"]
    square_avg *= rho
    square_avg += (1 - rho) * np.square(grad)
    denom = np.sqrt(square_avg)
    denom += eps
    new_theta = theta.copy()
    new_theta -= lr * grad / denom
    return new_theta, square_avg
