# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # every weight squared one at a time, as a plain Python float
    squares = 0.0
    for name, value in params.items():
        if name.startswith("W"):
            for w in np.nditer(value):
                squares += float(w) * float(w)
    grads = {name: (value * lam / m if name.startswith("W") else 0.0 * value)
             for name, value in params.items()}
    return squares * lam / (2 * m), grads
