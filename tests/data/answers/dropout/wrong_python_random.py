# expect: failed | this code drew from Python's random module (random.random...)
import random

import numpy as np


def dropout_forward(A, keep_prob, rng):
    # Python's global generator, not the rng argument
    mask = np.array([random.random() < keep_prob for _ in range(A.size)]).reshape(A.shape)
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
