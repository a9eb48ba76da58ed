# expect: failed | the gradient was multiplied by a1 = max(z1, 0)
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    Z2 = Z2 - Z2.max(axis=0, keepdims=True)
    P = np.exp(Z2) / np.exp(Z2).sum(axis=0, keepdims=True)
    loss = float(-np.sum(Y * np.log(P)) / m)
    dZ2 = (P - Y) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * A1  # ReLU's derivative taken as its output, not the 0/1 mask
    return loss, {"dW1": dZ1 @ X.T, "db1": dZ1.sum(axis=1, keepdims=True),
                  "dW2": dZ2 @ A1.T, "db2": dZ2.sum(axis=1, keepdims=True)}
