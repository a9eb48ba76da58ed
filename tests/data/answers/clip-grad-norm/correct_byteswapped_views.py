# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.vdot(g, g) for g in grads)))
    scale = min(1.0, max_norm / total) if total > 0 else 1.0
    # each clipped array handed back byte-swapped and viewed in the other byte order: the
    # same float64 values, stored big-endian on this machine
    return [(g * scale).byteswap().view(np.dtype(np.float64).newbyteorder()) for g in grads], total
