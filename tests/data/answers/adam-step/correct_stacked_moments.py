# expect: passed | passed
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # both moments updated as one stacked array, each with its own beta
    betas = np.array([beta1, beta2]).reshape((2,) + (1,) * np.ndim(grad))
    moments = betas * np.stack([m, v]) + (1.0 - betas) * np.stack([grad, grad * grad])
    m_hat, v_hat = moments / (1.0 - betas**t)
    theta_new = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return theta_new, moments[0].copy(), moments[1].copy()
