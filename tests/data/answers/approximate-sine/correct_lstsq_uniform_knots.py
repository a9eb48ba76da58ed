# expect: passed | passed all
import numpy as np


def sine_params():
    h = 40
    knots = np.linspace(-np.pi, np.pi, h, endpoint=False)
    W1 = np.ones((h, 1))
    b1 = -knots[:, None]
    x = np.linspace(-np.pi, np.pi, 2001)[None, :]
    H = np.maximum(W1 @ x + b1, 0.0)  # (h, m)
    design = np.vstack([H, np.ones((1, x.shape[1]))]).T
    coef, *_ = np.linalg.lstsq(design, np.sin(x[0]), rcond=None)
    return {"W1": W1, "b1": b1, "W2": coef[:h][None, :], "b2": coef[h:][:, None]}
