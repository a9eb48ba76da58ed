# expect: passed | passed all
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # ufuncs writing into fresh buffers (out=), none of them the caller's arrays
    m_new = np.multiply(m, beta1)
    m_new += (1 - beta1) * grad
    v_new = np.multiply(v, beta2)
    v_new += (1 - beta2) * np.square(grad)
    denom = np.sqrt(v_new / (1 - beta2**t))
    np.add(denom, eps, out=denom)
    step = m_new / (1 - beta1**t)
    np.divide(step, denom, out=step)
    return theta - lr * step, m_new, v_new
