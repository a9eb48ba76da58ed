# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    m = X.shape[1]
    Z1 = np.matmul(W1, X) + b1
    A1 = np.where(Z1 > 0, Z1, 0.0)
    Z2 = np.matmul(W2, A1) + b2
    shifted = Z2 - Z2.max(axis=0)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=0))
    loss = -(Y * log_probs).sum(axis=0).mean()
    dZ2 = np.exp(log_probs) - Y
    dW2 = np.matmul(dZ2, A1.T) / m
    db2 = dZ2.mean(axis=1).reshape(-1, 1)
    dZ1 = np.matmul(W2.T, dZ2) * (A1 > 0)
    dW1 = np.matmul(dZ1, X.T) / m
    db1 = dZ1.mean(axis=1)[:, np.newaxis]
    return loss, dict(dW1=dW1, db1=db1, dW2=dW2, db2=db2)
