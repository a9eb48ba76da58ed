# expect: failed | log(1 + exp(-z)) overflows
import numpy as np


def bce_with_logits(z, y):
    # log1p keeps the small tail exact, but exp(-z) still overflows for z far below 0
    loss = np.mean(np.log1p(np.exp(-z)) + (1.0 - y) * z)
    sig = 0.5 * (1.0 + np.tanh(0.5 * z))
    return float(loss), (sig - y) / z.size
