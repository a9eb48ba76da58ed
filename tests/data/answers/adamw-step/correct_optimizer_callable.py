# expect: passed | passed
import numpy as np


class AdamW:
    def __init__(self, lr, beta1, beta2, eps, weight_decay):
        self.lr, self.b1, self.b2, self.eps, self.wd = lr, beta1, beta2, eps, weight_decay

    def __call__(self, theta, grad, m, v, t):
        m = self.b1 * m + (1.0 - self.b1) * grad
        v = self.b2 * v + (1.0 - self.b2) * np.square(grad)
        step = (m / (1.0 - self.b1**t)) / (np.sqrt(v / (1.0 - self.b2**t)) + self.eps)
        return theta - self.lr * (step + self.wd * theta), m, v


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    return AdamW(lr, beta1, beta2, eps, weight_decay)(theta, grad, m, v, t)
