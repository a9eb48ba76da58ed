# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    # Keras keeps velocity = beta * velocity - lr * grad and adds it to theta; the Task's v
    # is that velocity divided by -lr, so convert in and out
    velocity = beta * (-lr * v) - lr * grad
    new_theta = theta + velocity
    new_v = beta * v + grad  # what velocity / -lr is, without the rounding of the division
    return new_theta, new_v
