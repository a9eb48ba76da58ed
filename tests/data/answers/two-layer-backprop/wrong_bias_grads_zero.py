# expect: failed | is all zeros: the bias gradient was left out
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # the bias gradients forgotten: zeros, as if the biases did not move the loss
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    Z2 = Z2 - Z2.max(axis=0, keepdims=True)
    P = np.exp(Z2) / np.exp(Z2).sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(P)) / m
    dZ2 = (P - Y) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    return float(loss), {"dW1": dZ1 @ X.T, "db1": np.zeros_like(b1), "dW2": dZ2 @ A1.T, "db2": np.zeros_like(b2)}
