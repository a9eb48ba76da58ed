# expect: failed | the gradient's sign is flipped inside v
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    v = beta * v - grad  # the velocity with the descent sign folded in...
    return theta - lr * v, v  # ...and subtracted again: theta moves uphill
