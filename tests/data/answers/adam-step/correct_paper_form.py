# expect: passed | passed all
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # the paper's "more efficient" ordering: fold both corrections into the step size
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * np.square(grad)
    c2 = np.sqrt(1 - beta2**t)
    step = lr * c2 / (1 - beta1**t)
    return theta - step * m_new / (np.sqrt(v_new) + eps * c2), m_new, v_new
