# expect: failed | the log term is log1p(exp(-z)): for z < 0
# max(z, 0) paired with the unsigned tail
import numpy as np
def bce_with_logits(z, y):
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-z)))
    sig = 1 / (1 + np.exp(-np.clip(z, -500, 500)))
    return float(loss), (sig - y) / z.size
