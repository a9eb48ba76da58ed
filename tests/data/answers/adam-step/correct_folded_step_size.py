# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * np.square(grad)
    # algorithm 1 rewritten: eps moves with the correction, so it is still eps next to sqrt(v_hat)
    c1 = 1.0 - beta1**t
    c2 = 1.0 - beta2**t
    step = lr * (m_new / c1) / (np.sqrt(v_new) / np.sqrt(c2) + eps)
    return theta - step, m_new, v_new
