# expect: failed | the loss misses the max(z, 0) term
# the stable tail kept, the max(z, 0) that goes with it dropped
import numpy as np
def bce_with_logits(z, y):
    loss = np.mean(- z * y + np.log1p(np.exp(-np.abs(z))))
    sig = 1 / (1 + np.exp(-np.clip(z, -500, 500)))
    return float(loss), (sig - y) / z.size
