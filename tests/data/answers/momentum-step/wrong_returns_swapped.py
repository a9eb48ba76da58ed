# expect: failed | v holds the new theta
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v = beta * v + grad
    return v, theta - lr * v  # (v, theta): the drill returns (theta, v)
