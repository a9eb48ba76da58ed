# expect: passed | passed all
import math

import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # the bias corrections folded into the step size, with eps scaled to match
    m_new = np.add(beta1 * m, (1 - beta1) * grad)
    v_new = np.add(beta2 * v, (1 - beta2) * grad * grad)
    c2 = math.sqrt(1 - beta2**t)
    step_size = lr * c2 / (1 - beta1**t)
    update = step_size * m_new / (np.sqrt(v_new) + eps * c2)
    return theta - lr * weight_decay * theta - update, m_new, v_new
