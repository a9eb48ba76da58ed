# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    dW1 = np.zeros_like(W1)
    db1 = np.zeros_like(b1)
    dW2 = np.zeros_like(W2)
    db2 = np.zeros_like(b2)
    loss = 0.0
    for j in range(m):
        x = X[:, j : j + 1]
        y = Y[:, j : j + 1]
        z1 = W1 @ x + b1
        a1 = np.maximum(z1, 0.0)
        z2 = W2 @ a1 + b2
        s = z2 - z2.max()
        logp = s - np.log(np.exp(s).sum())
        loss -= float((y * logp).sum())
        dz2 = np.exp(logp) - y
        dW2 += dz2 @ a1.T
        db2 += dz2
        dz1 = (W2.T @ dz2) * (z1 > 0)
        dW1 += dz1 @ x.T
        db1 += dz1
    return loss / m, {"dW1": dW1 / m, "db1": db1 / m, "dW2": dW2 / m, "db2": db2 / m}
