# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    # float64 copies of both inputs, whatever dtype they arrive in, then theta + (-lr) grad
    step = np.array(grad, dtype=np.float64) * -lr
    step += np.asarray(theta, dtype=np.float64)
    return step
