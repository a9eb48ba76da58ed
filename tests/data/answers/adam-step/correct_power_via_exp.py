# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_t = m + (1 - beta1) * (grad - m)  # the same average, written as a step towards grad
    v_t = v + (1 - beta2) * (grad * grad - v)
    # 1 - beta**t as -expm1(t * log(beta)): the same number, accurate for beta near 1
    m_hat = m_t / -np.expm1(t * np.log(beta1))
    v_hat = v_t / -np.expm1(t * np.log(beta2))
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m_t, v_t
