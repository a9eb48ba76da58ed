# expect: failed | the step's numerator is grad itself, not m_hat
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # m is kept but the step divides the raw gradient, as RMSProp does
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad * grad
    v_hat = v_new / (1 - beta2**t)
    decayed = theta - lr * weight_decay * theta
    return decayed - lr * grad / (np.sqrt(v_hat) + eps), m_new, v_new
