# expect: passed | passed all
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9, dampening=0.0):
    # torch.optim.SGD(momentum=beta, dampening=0): buf = beta * buf + (1 - dampening) * grad
    buf = np.array(v, dtype=np.float64)  # a copy: the caller's v stays
    buf *= beta
    buf += (1.0 - dampening) * grad
    return theta - lr * buf, buf
