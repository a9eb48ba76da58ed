# expect: passed | passed all
import numpy as np


class L2Regularizer:
    """Keras-style: a coefficient, a loss term and its gradient, applied to weights only."""

    def __init__(self, lam, m):
        self.coef = lam / m

    def loss(self, w):
        return 0.5 * self.coef * float(np.tensordot(w, w, axes=w.ndim))

    def grad(self, w):
        return self.coef * w


def l2_penalty_and_grads(params, lam, m):
    reg = L2Regularizer(lam, m)
    penalty, grads = 0.0, {}
    for name in sorted(params):
        p = params[name]
        if name.startswith("W"):
            penalty += reg.loss(p)
            grads[name] = reg.grad(p)
        else:
            grads[name] = np.zeros_like(p, dtype=np.float64)
    return penalty, grads
