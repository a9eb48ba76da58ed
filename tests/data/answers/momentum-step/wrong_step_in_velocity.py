# expect: failed | (theta + v, as Sutskever et al. and Goodfellow et al. write momentum;
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v - lr * grad
    return theta + v_new, v_new
