# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    m = X.shape[1]
    z1 = np.dot(params["W1"], X) + params["b1"]
    a1 = np.where(z1 > 0, z1, 0.0)
    z2 = np.dot(params["W2"], a1) + params["b2"]
    top = z2.max(axis=0)
    log_probs = z2 - (top + np.log(np.exp(z2 - top).sum(axis=0)))
    loss = -np.mean(np.sum(Y * log_probs, axis=0))
    dz2 = (np.exp(log_probs) - Y) / m
    grads = {
        "dW2": dz2.dot(a1.T),
        "db2": dz2.sum(axis=1).reshape(-1, 1),
    }
    dz1 = params["W2"].T.dot(dz2)
    dz1[z1 <= 0] = 0.0
    grads["dW1"] = dz1.dot(X.T)
    grads["db1"] = dz1.sum(axis=1).reshape(-1, 1)
    return loss, grads
