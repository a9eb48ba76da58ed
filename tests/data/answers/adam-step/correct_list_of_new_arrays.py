# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # the moments as convex blends, the step in two lines; returned as a list
    m_t = beta1 * m + (1.0 - beta1) * grad
    v_t = beta2 * v + (1.0 - beta2) * np.square(grad)
    denom = np.sqrt(v_t / (1.0 - beta2**t)) + eps
    step = lr * (m_t / (1.0 - beta1**t)) / denom
    return [theta - step, m_t, v_t]
