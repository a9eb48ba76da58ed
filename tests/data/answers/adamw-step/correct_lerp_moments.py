# expect: passed | passed
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    m_t = m + (grad - m) * (1 - beta1)  # torch's lerp form of the same average
    v_t = v + (grad * grad - v) * (1 - beta2)
    bias1, bias2 = 1 - beta1**t, 1 - beta2**t
    denom = np.sqrt(v_t) / np.sqrt(bias2) + eps
    decayed = theta * (1 - lr * weight_decay)
    return decayed - (lr / bias1) * m_t / denom, m_t, v_t
