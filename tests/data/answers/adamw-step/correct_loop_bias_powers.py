# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # the powers beta**t built by a loop, one factor per step taken (t of them)
    p1 = p2 = 1.0
    for _ in range(t):
        p1 *= beta1
        p2 *= beta2
    m_new = m + (1.0 - beta1) * (grad - m)
    v_new = v + (1.0 - beta2) * (grad * grad - v)
    step = lr * (m_new / (1.0 - p1)) / (np.sqrt(v_new / (1.0 - p2)) + eps)
    return theta - lr * weight_decay * theta - step, m_new, v_new
