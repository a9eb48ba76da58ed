# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    m_new = np.add(np.multiply(beta1, m), np.multiply(1 - beta1, grad))
    v_new = np.add(np.multiply(beta2, v), np.multiply(1 - beta2, np.square(grad)))
    update = np.divide(m_new / (1 - beta1**t), np.add(np.sqrt(v_new / (1 - beta2**t)), eps))
    return np.subtract(theta, lr * (update + weight_decay * theta)), m_new, v_new
