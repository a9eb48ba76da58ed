# expect: failed | eps is added to sqrt(v) after the bias corrections were folded into the step size
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # the paper's "efficient" ordering, with eps left where the plain form has it
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    step = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return theta - step * m_new / (np.sqrt(v_new) + eps), m_new, v_new
