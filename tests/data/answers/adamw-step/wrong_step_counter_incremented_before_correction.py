# expect: failed | the bias correction used t + 1
import numpy as np


class AdamW:
    def __init__(self, lr, beta1, beta2, eps, weight_decay, t):
        self.lr, self.b1, self.b2, self.eps, self.wd = lr, beta1, beta2, eps, weight_decay
        self.t = t

    def step(self, theta, grad, m, v):
        self.t += 1  # as if t were the count of steps already taken
        m = self.b1 * m + (1 - self.b1) * grad
        v = self.b2 * v + (1 - self.b2) * grad**2
        m_hat = m / (1 - self.b1**self.t)
        v_hat = v / (1 - self.b2**self.t)
        theta = theta * (1 - self.lr * self.wd) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return theta, m, v


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    return AdamW(lr, beta1, beta2, eps, weight_decay, t).step(theta, grad, m, v)
