# expect: failed | the step's numerator is grad itself, not m_hat
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # the numerator is the raw gradient: RMSProp with Adam's v, the momentum is lost
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    v_hat = v / (1 - beta2**t)
    return theta - lr * grad / (np.sqrt(v_hat) + eps), m, v
