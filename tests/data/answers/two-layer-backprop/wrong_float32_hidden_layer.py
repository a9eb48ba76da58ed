# expect: failed | the loss agrees with the expected value to about 7 digits only
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    # the hidden layer in float32, "as on a GPU"; the output layer in float64
    Z1 = (W1.astype(np.float32) @ X.astype(np.float32) + b1.astype(np.float32)).astype(np.float64)
    A1 = np.maximum(Z1, 0.0)
    Z2 = W2 @ A1 + b2
    shifted = Z2 - Z2.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = float(-np.sum(Y * log_p) / m)
    dZ2 = (np.exp(log_p) - Y) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    grads = {
        "dW1": dZ1 @ X.T,
        "db1": dZ1.sum(axis=1, keepdims=True),
        "dW2": dZ2 @ A1.T,
        "db2": dZ2.sum(axis=1, keepdims=True),
    }
    return loss, grads
