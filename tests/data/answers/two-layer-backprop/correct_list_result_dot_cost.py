# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # the course style: the cost from np.dot is a (1, 1) array and the pair comes as a list;
    # a size-1 array is a number and a list holds two results as well as a tuple
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = np.dot(W1, X) + b1
    A1 = np.maximum(Z1, 0)
    Z2 = np.dot(W2, A1) + b2
    E = np.exp(Z2 - np.max(Z2, axis=0, keepdims=True))
    A2 = E / np.sum(E, axis=0, keepdims=True)
    picked = np.sum(Y * np.log(np.where(Y == 1, A2, 1.0)), axis=0, keepdims=True)  # (1, m)
    cost = -np.dot(picked, np.ones((m, 1))) / m  # (1, 1)
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (Z1 > 0)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return [cost, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}]
