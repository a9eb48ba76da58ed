# expect: failed | the step divides by sqrt(grad**2)
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # the state is updated, but the step divides by sqrt(grad**2), the current gradient's
    # own size, not the running average's: every entry moves by lr, as sign descent
    s_new = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(grad**2) + eps), s_new
