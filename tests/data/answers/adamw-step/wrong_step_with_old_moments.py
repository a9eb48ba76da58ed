# expect: failed | theta was updated with the old m and v, the ones passed in
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # the step is taken before the moments see this gradient
    theta = theta * (1 - lr * weight_decay)
    theta = theta - lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return theta, m, v
