# expect: passed | passed all
import numpy as np


class _Adam:
    """The usual optimizer object, used for one step from the given state."""

    def __init__(self, lr, beta1, beta2, eps):
        self.lr, self.b1, self.b2, self.eps = lr, beta1, beta2, eps

    def step(self, theta, grad, state):
        state["m"] = self.b1 * state["m"] + (1 - self.b1) * grad
        state["v"] = self.b2 * state["v"] + (1 - self.b2) * grad * grad
        bc1 = 1 - self.b1 ** state["t"]
        bc2 = 1 - self.b2 ** state["t"]
        return theta - self.lr * (state["m"] / bc1) / (np.sqrt(state["v"] / bc2) + self.eps)


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    state = {"m": m, "v": v, "t": t}
    new_theta = _Adam(lr, beta1, beta2, eps).step(theta, grad, state)
    return new_theta, state["m"], state["v"]
