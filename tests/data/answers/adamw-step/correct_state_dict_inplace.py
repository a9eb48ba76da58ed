# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    # the optimizer state in a dict of fresh arrays, updated in place with ufuncs
    state = {"theta": np.array(theta, dtype=float), "m": np.array(m, dtype=float),
             "v": np.array(v, dtype=float)}
    state["theta"] *= 1.0 - lr * weight_decay
    state["m"] *= beta1
    state["m"] += (1.0 - beta1) * grad
    state["v"] *= beta2
    np.add(state["v"], (1.0 - beta2) * np.square(grad), out=state["v"])
    bias1, bias2 = 1.0 - beta1**t, 1.0 - beta2**t
    denom = np.sqrt(state["v"] / bias2) + eps
    state["theta"] -= lr * (state["m"] / bias1) / denom
    return state["theta"], state["m"], state["v"]
