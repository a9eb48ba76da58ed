# expect: passed | passed all
import math

import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # the order PyTorch's AdamW takes: decay theta first, then divide by
    # sqrt(v) / sqrt(1 - beta2**t) + eps with the step size lr / (1 - beta1**t)
    theta = theta * (1 - lr * weight_decay)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * np.square(grad)
    bias_correction1 = 1 - beta1**t
    bias_correction2 = 1 - beta2**t
    denom = np.sqrt(v) / math.sqrt(bias_correction2) + eps
    return theta - (lr / bias_correction1) * m / denom, m, v
