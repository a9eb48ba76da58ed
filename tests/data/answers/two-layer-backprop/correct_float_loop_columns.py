# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    m = X.shape[1]
    g = {k: np.zeros_like(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
    loss = 0.0
    for j in range(m):
        x = X[:, j : j + 1]
        y = Y[:, j : j + 1]
        z1 = W1 @ x + b1
        a1 = np.maximum(z1, 0.0)
        z2 = W2 @ a1 + b2
        top = z2.max()
        lse = top + np.log(np.exp(z2 - top).sum())
        loss += float(lse * y.sum() - (y * z2).sum())
        dz2 = np.exp(z2 - lse) * y.sum() - y
        g["W2"] += dz2 @ a1.T
        g["b2"] += dz2
        dz1 = (W2.T @ dz2) * (z1 > 0)
        g["W1"] += dz1 @ x.T
        g["b1"] += dz1
    return loss / m, {"d" + k: v / m for k, v in g.items()}
