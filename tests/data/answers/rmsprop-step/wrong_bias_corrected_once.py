# expect: failed | the step bias-corrects s as Adam does
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    s_hat = s_new / (1 - rho)
    return theta - lr * grad / (np.sqrt(s_hat) + eps), s_new
