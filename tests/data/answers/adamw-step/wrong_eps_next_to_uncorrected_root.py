# expect: failed | eps is added to sqrt(v) after the bias corrections were folded
import math

import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    """Kingma & Ba's 'more efficient' order: eps added to the uncorrected root."""
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    alpha_t = lr * math.sqrt(1 - beta2**t) / (1 - beta1**t)
    return theta * (1 - lr * weight_decay) - alpha_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new
