# expect: failed | is the bias-corrected
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m = m / (1 - beta1**t)
    v = v / (1 - beta2**t)
    return theta - lr * m / (np.sqrt(v) + eps), m, v
