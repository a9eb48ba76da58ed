# expect: failed | (keepdims=True or a reshape would keep the size-1 axis); dW2 has shape
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # two slips at once: db1 summed without keepdims, dW2 built as A1 @ dZ2.T (transposed);
    # both are named in one message, not one per try
    W1, b1 = params["W1"], params["b1"]
    W2, b2 = params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0)
    Z2 = W2 @ A1 + b2
    E = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
    Y_hat = E / E.sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(Y_hat)) / m
    dZ2 = (Y_hat - Y) / m
    dW2 = A1 @ dZ2.T
    db2 = dZ2.sum(axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    dW1 = dZ1 @ X.T
    db1 = dZ1.sum(axis=1)
    return loss, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
