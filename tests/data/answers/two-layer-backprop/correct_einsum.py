# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = np.einsum("hn,nm->hm", W1, X) + b1
    A1 = np.where(Z1 > 0, Z1, 0.0)
    Z2 = np.einsum("ch,hm->cm", W2, A1) + b2
    Z2 = Z2 - Z2.max(axis=0)
    P = np.exp(Z2)
    P /= P.sum(axis=0)
    loss = -np.sum(Y * (Z2 - np.log(np.exp(Z2).sum(axis=0)))) / m
    dZ2 = (P - Y) / m
    dW2 = np.einsum("cm,hm->ch", dZ2, A1)
    db2 = dZ2.sum(axis=1).reshape(-1, 1)
    dZ1 = np.einsum("ch,cm->hm", W2, dZ2) * (Z1 > 0)
    dW1 = np.einsum("hm,nm->hn", dZ1, X)
    db1 = dZ1.sum(axis=1).reshape(-1, 1)
    return float(loss), {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
