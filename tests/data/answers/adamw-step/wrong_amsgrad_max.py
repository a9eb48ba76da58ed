# expect: failed | AMSGrad's running maximum
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    # PyTorch's AdamW(amsgrad=True) keeps a running maximum of v: plain AdamW does not
    theta = theta * (1 - lr * weight_decay)
    m = beta1 * m + (1 - beta1) * grad
    v = np.maximum(v, beta2 * v + (1 - beta2) * grad * grad)
    step = lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return theta - step, m, v
