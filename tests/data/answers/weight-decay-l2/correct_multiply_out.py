# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    grads = {}
    squares = []
    for name in params:
        arr = params[name]
        out = np.zeros_like(arr, dtype=np.float64)
        if name.startswith("W"):
            np.multiply(arr, lam / m, out=out)
            squares.append(np.vdot(arr, arr))
        grads[name] = out
    return 0.5 * lam * float(np.sum(squares)) / m, grads
