# expect: failed | item 2 of the result is the caller's grad itself
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    # a PyTorch port: the buffer starts as the gradient, but without torch.clone
    if not np.any(v):
        v_new = grad
    else:
        v_new = beta * v + grad
    return theta - lr * v_new, v_new
