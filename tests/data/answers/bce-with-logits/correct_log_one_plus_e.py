# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    # log(1 + e) with e = exp(-|z|) <= 1 is as stable as log1p here: where e is tiny the
    # entry's loss is max(z, 0) - z*y, and the rounding of 1 + e is far below the tolerance
    e = np.exp(-np.abs(z))
    loss = np.maximum(z, 0) - z * y + np.log(1 + e)
    sig = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return float(loss.mean()), (sig - y) / z.size
