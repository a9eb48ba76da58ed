# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = np.dot(W1, X) + b1
    A1 = np.maximum(0, Z1)
    Z2 = np.dot(W2, A1) + b2
    t = np.exp(Z2 - np.max(Z2, axis=0, keepdims=True))
    A2 = t / np.sum(t, axis=0, keepdims=True)
    logprobs = np.multiply(np.log(A2), Y)
    cost = -np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.array(dA1, copy=True)
    dZ1[Z1 <= 0] = 0
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    return cost, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
