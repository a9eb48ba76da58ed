# expect: failed | rows are the c classes here, columns the h hidden units: got (h, c)
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    z1 = W1 @ X + b1
    a1 = np.maximum(z1, 0)
    z2 = W2 @ a1 + b2
    e = np.exp(z2 - z2.max(axis=0, keepdims=True))
    y_hat = e / e.sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(y_hat)) / m
    dz2 = y_hat - Y
    dW2 = a1 @ dz2.T / m
    db2 = np.sum(dz2, axis=1, keepdims=True) / m
    dz1 = (W2.T @ dz2) * (z1 > 0)
    dW1 = dz1 @ X.T / m
    db1 = np.sum(dz1, axis=1, keepdims=True) / m
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
