# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    m_new = np.add(beta1 * m, (1.0 - beta1) * grad)
    v_new = np.add(beta2 * v, (1.0 - beta2) * np.square(grad))
    # the decoupled decay into a fresh buffer, then the Adam step subtracted in place
    theta_new = np.multiply(theta, 1.0 - lr * weight_decay)
    denom = np.sqrt(v_new / (1.0 - beta2**t)) + eps
    theta_new -= lr * (m_new / (1.0 - beta1**t)) / denom
    return theta_new, m_new, v_new
