# expect: failed | every value of v is a float32 number
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    # a float32 buffer, as a GPU training loop keeps it
    v_new = (beta * v + grad).astype(np.float32)
    return theta - lr * v_new.astype(np.float64), v_new.astype(np.float64)
