# expect: passed | passed all
import math
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    th, g, mm, vv = (np.array(a, dtype=float).ravel() for a in (theta, grad, m, v))
    for k in range(th.size):
        mm[k] = beta1 * mm[k] + (1 - beta1) * g[k]
        vv[k] = beta2 * vv[k] + (1 - beta2) * g[k] ** 2
        mh = mm[k] / (1 - beta1**t)
        vh = vv[k] / (1 - beta2**t)
        th[k] = th[k] * (1 - lr * weight_decay) - lr * mh / (math.sqrt(vh) + eps)
    shape = np.shape(theta)
    return th.reshape(shape), mm.reshape(shape), vv.reshape(shape)
