# expect: passed | passed all
import numpy as np


def adam_step(param, grad, exp_avg, exp_avg_sq, step, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = np.multiply(exp_avg, beta1)
    m += (1.0 - beta1) * grad
    v = np.multiply(exp_avg_sq, beta2)
    v += (1.0 - beta2) * np.square(grad)
    bias1 = 1.0 - beta1**step
    bias2 = 1.0 - beta2**step
    denom = np.sqrt(v / bias2) + eps
    new = param.copy()
    new -= lr * (m / bias1) / denom
    return new, m, v
