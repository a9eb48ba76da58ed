# expect: passed | passed
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    """Products through einsum; the ReLU and the softmax done in place on fresh arrays."""
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    m = X.shape[1]
    Z1 = np.einsum("hi,im->hm", W1, X) + b1
    A1 = Z1.copy()
    A1[A1 < 0] = 0.0
    Z2 = np.einsum("kh,hm->km", W2, A1) + b2
    P = Z2 - Z2.max(axis=0)
    np.exp(P, out=P)
    P /= P.sum(axis=0)
    loss = -np.einsum("km,km->", Y, np.log(P)) / m
    dZ2 = (P - Y) / m
    dZ1 = np.einsum("kh,km->hm", W2, dZ2)
    dZ1[Z1 <= 0] = 0.0
    return float(loss), {
        "dW1": np.einsum("hm,im->hi", dZ1, X),
        "db1": np.einsum("hm->h", dZ1)[:, None],
        "dW2": np.einsum("km,hm->kh", dZ2, A1),
        "db2": np.einsum("km->k", dZ2)[:, None],
    }
