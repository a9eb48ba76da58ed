# expect: failed | a Keras-style l2(lam) regularizer
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # a Keras-style l2(lam) regularizer: lam * sum(W**2), no 1/2 and no 1/m
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        if name.startswith("W"):
            penalty += lam * float(np.sum(np.square(value)))
            grads[name] = 2.0 * lam * value
        else:
            grads[name] = np.zeros_like(value)
    return penalty, grads
