# expect: passed | passed
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    m_new = np.add(beta1 * m, (1.0 - beta1) * grad)
    v_new = beta2 * v + (1.0 - beta2) * grad * grad
    c1 = 1.0 - np.float_power(beta1, t)
    c2 = 1.0 - np.float_power(beta2, t)
    adam = (m_new / c1) / (np.sqrt(v_new / c2) + eps)
    return theta - lr * weight_decay * theta - lr * adam, m_new, v_new
