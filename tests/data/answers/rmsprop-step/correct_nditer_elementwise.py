# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # one entry at a time through np.nditer, writing into fresh output arrays
    theta_new = np.empty_like(theta, dtype=np.float64)
    s_new = np.empty_like(s, dtype=np.float64)
    it = np.nditer(
        [theta, grad, s, theta_new, s_new],
        op_flags=[["readonly"]] * 3 + [["writeonly"]] * 2,
    )
    with it:
        for th, g, sq, th_out, sq_out in it:
            acc = rho * sq + (1.0 - rho) * g * g
            sq_out[...] = acc
            th_out[...] = th - lr * g / (np.sqrt(acc) + eps)
    return theta_new, s_new
