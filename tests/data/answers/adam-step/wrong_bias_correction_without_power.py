# expect: failed | the bias correction lost its power of t
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # the correction's power of t forgotten: right at t = 1 only
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1)
    v_hat = v / (1 - beta2)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
