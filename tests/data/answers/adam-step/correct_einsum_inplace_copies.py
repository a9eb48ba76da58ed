# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """Moments updated in place on copies; the squared gradient via einsum."""
    m_new = m.copy()
    m_new *= beta1
    m_new += (1 - beta1) * grad
    v_new = v.copy()
    v_new *= beta2
    v_new += (1 - beta2) * np.einsum("...,...->...", grad, grad)
    step = lr * (m_new / (1 - beta1**t)) / (np.sqrt(v_new / (1 - beta2**t)) + eps)
    return theta - step, m_new, v_new
