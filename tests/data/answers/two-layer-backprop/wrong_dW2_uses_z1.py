# expect: failed | dW2 was built from z1, the first layer's pre-activation
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(0, Z1)
    Z2 = W2 @ A1 + b2
    e = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
    A2 = e / e.sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(A2)) / m
    dZ2 = A2 - Y
    dW2 = dZ2 @ Z1.T / m  # the pre-activation Z1 instead of the layer's input A1
    db2 = dZ2.sum(axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
