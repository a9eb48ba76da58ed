# expect: passed | passed all
import numpy as np


def rmsprop_step(params, grad, square_avg, lr=1e-3, alpha=0.9, eps=1e-8):
    avg = square_avg * alpha
    avg += (1.0 - alpha) * grad * grad
    new = np.array(params, dtype=np.float64)
    new -= lr * grad / (np.sqrt(avg) + eps)
    return new, avg
