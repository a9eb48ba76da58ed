# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    # sigma'(z) = 1 / (4 cosh^2(z/2)) = e^-|z| / (1 + e^-|z|)^2 written via tanh
    t = np.tanh(0.5 * np.abs(np.asarray(z, dtype=np.float64)))
    # 1 - t^2 loses precision for large |z|; use the exp form there
    e = np.exp(-np.abs(np.asarray(z, dtype=np.float64)))
    return np.where(np.abs(z) < 1.0, 0.25 * (1.0 - t * t), e / (1.0 + e) ** 2)
