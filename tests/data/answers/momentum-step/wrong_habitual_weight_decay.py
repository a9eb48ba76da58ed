# expect: failed | theta also decays: v matches beta*v + grad + 0.0005 * theta
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9, weight_decay=5e-4):
    # the ImageNet recipe's weight decay folded into the gradient out of habit
    g = grad + weight_decay * theta
    v = beta * v + g
    return theta - lr * v, v
