# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    grads = {"dW1": np.zeros_like(W1), "db1": np.zeros_like(b1),
             "dW2": np.zeros_like(W2), "db2": np.zeros_like(b2)}
    loss = 0.0
    for j in range(m):  # one example at a time
        x, y = X[:, j : j + 1], Y[:, j : j + 1]
        z1 = W1 @ x + b1
        a1 = np.maximum(z1, 0.0)
        z2 = W2 @ a1 + b2
        z2 = z2 - z2.max()
        lse = np.log(np.exp(z2).sum())
        loss -= float((y * (z2 - lse)).sum())
        dz2 = np.exp(z2 - lse) - y
        dz1 = (W2.T @ dz2) * (z1 > 0)
        grads["dW2"] += dz2 @ a1.T
        grads["db2"] += dz2
        grads["dW1"] += dz1 @ x.T
        grads["db1"] += dz1
    return [loss / m, {k: v / m for k, v in grads.items()}]
