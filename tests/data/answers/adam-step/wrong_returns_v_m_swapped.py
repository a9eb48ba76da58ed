# expect: failed | m holds the new v: the result is (theta, m, v)
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    mh, vh = m / (1 - beta1**t), v / (1 - beta2**t)
    return theta - lr * mh / (np.sqrt(vh) + eps), v, m
