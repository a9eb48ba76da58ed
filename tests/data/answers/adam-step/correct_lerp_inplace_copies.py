# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = m.copy()
    m_new += (1.0 - beta1) * (grad - m_new)  # lerp toward grad, as torch's _foreach_lerp_
    v_new = v.copy()
    v_new *= beta2
    v_new += (1.0 - beta2) * grad * grad
    denom = np.sqrt(v_new / (1.0 - beta2**t))
    denom += eps
    theta_new = theta.copy()
    theta_new -= lr * (m_new / (1.0 - beta1**t)) / denom
    return theta_new, m_new, v_new
