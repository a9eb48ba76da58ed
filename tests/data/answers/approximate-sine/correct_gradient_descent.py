# expect: passed | passed
import numpy as np


def sine_params():
    # random ReLU features with a least-squares output layer, refined by a few gradient steps
    rng = np.random.default_rng(3)
    h = 50
    W1 = rng.choice([-1.0, 1.0], size=(h, 1))
    b1 = rng.uniform(-np.pi, np.pi, size=(h, 1))
    x = np.linspace(-np.pi, np.pi, 2001).reshape(1, -1)
    A = np.maximum(W1 @ x + b1, 0.0)
    design = np.vstack([A, np.ones_like(x)]).T
    coef, *_ = np.linalg.lstsq(design, np.sin(x).ravel(), rcond=None)
    W2 = coef[:h].reshape(1, h)
    b2 = coef[h:].reshape(1, 1)
    for _ in range(50):
        err = W2 @ A + b2 - np.sin(x)
        W2 -= 0.01 * (err @ A.T) / x.shape[1]
        b2 -= 0.01 * err.mean(keepdims=True)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
