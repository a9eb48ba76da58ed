# expect: failed | loss is inf on a batch of one example: was the summed loss divided by m - 1
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # off by one: the loss and the gradients average over m - 1 examples
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1] - 1
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    Z2 = Z2 - Z2.max(axis=0, keepdims=True)
    logP = Z2 - np.log(np.exp(Z2).sum(axis=0, keepdims=True))
    loss = -np.sum(Y * logP) / m
    dZ2 = (np.exp(logP) - Y) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    return float(loss), {"dW1": dZ1 @ X.T, "db1": dZ1.sum(axis=1, keepdims=True), "dW2": dZ2 @ A1.T, "db2": dZ2.sum(axis=1, keepdims=True)}
