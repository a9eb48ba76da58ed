# expect: passed | passed all
import numpy as np


def momentum_step(params, d_p, momentum_buffer, lr, beta=0.9):
    buf = np.empty_like(momentum_buffer, dtype=np.float64)
    new = np.empty_like(params, dtype=np.float64)
    for i in np.ndindex(params.shape):
        buf[i] = beta * momentum_buffer[i] + d_p[i]
        new[i] = params[i] - lr * buf[i]
    return new, buf
