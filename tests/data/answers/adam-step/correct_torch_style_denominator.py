# expect: passed | passed all
import math

import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # PyTorch's arrangement: the v correction taken out of the root, eps after it
    m_new = m * beta1 + grad * (1 - beta1)
    v_new = v * beta2 + grad * grad * (1 - beta2)
    denom = np.sqrt(v_new) / math.sqrt(1 - beta2**t) + eps
    step_size = lr / (1 - beta1**t)
    return theta - step_size * m_new / denom, m_new, v_new
