# expect: passed | passed all
import numpy as np


def two_layer_loss_and_grads(X, Y, params):
    # written the PyTorch way, one example per row, and transposed back at the end
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    Xr, Yr = X.T, Y.T
    m = Xr.shape[0]
    h_pre = Xr @ W1.T + b1.T
    h = np.where(h_pre > 0, h_pre, 0.0)
    logits = h @ W2.T + b2.T
    logits = logits - logits.max(axis=1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    loss = -(Yr * log_p).sum() / m
    g_logits = (np.exp(log_p) - Yr) / m
    dW2 = g_logits.T @ h
    db2 = g_logits.sum(axis=0)[:, None]
    g_h = g_logits @ W2
    g_h[h_pre <= 0] = 0.0
    dW1 = g_h.T @ Xr
    db1 = g_h.sum(axis=0)[:, None]
    return float(loss), {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
