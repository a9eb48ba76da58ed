# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    # the step is the linear combination 1 * theta + (-lr) * grad of the two stacked arrays
    coefficients = np.array([1.0, -lr])
    return np.tensordot(coefficients, np.stack([theta, grad]), axes=1)
