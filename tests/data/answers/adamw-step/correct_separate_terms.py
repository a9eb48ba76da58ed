# expect: passed | passed
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    m_new = np.multiply(beta1, m) + np.multiply(1 - beta1, grad)
    v_new = np.multiply(beta2, v) + np.multiply(1 - beta2, np.square(grad))
    m_hat = m_new / (1 - np.power(beta1, t))
    v_hat = v_new / (1 - np.power(beta2, t))
    adam = m_hat / (np.sqrt(v_hat) + eps)
    decay = weight_decay * theta
    return theta - lr * (adam + decay), m_new, v_new
