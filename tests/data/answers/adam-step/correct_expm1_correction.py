# expect: passed | passed all
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # 1 - beta**t computed as -expm1(t * log(beta)): accurate when beta**t is close to 1
    c1 = -np.expm1(t * np.log(beta1))
    c2 = -np.expm1(t * np.log(beta2))
    m_new = np.add(beta1 * m, (1 - beta1) * grad)
    v_new = np.add(beta2 * v, (1 - beta2) * grad * grad)
    step = lr * (m_new / c1) / (np.sqrt(v_new / c2) + eps)
    return np.subtract(theta, step), m_new, v_new
