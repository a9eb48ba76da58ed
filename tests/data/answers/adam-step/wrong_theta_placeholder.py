# expect: failed | every value of theta is 0, as if it were still a placeholder
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # half-finished: the moments are right, the step is still a placeholder
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    return np.zeros_like(theta), m_new, v_new
