# expect: failed | grad was averaged
import numpy as np


def sgd_step(theta, grad, lr):
    # averages the gradient "over the batch": every parameter moves by the same amount
    return theta - lr * np.mean(grad)
