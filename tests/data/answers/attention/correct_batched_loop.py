# expect: passed | passed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(d_k)
    if mask is not None:
        mask = np.broadcast_to(mask, scores.shape)
    shape = scores.shape
    flat = scores.reshape(-1, shape[-1])
    flat_mask = None if mask is None else mask.reshape(-1, shape[-1])
    weights = np.zeros_like(flat)
    for r in range(flat.shape[0]):
        row = flat[r]
        keep = np.ones(row.shape, dtype=bool) if flat_mask is None else flat_mask[r]
        e = np.exp(row[keep] - row[keep].max())
        weights[r, keep] = e / e.sum()
    weights = weights.reshape(shape)
    return np.matmul(weights, V), weights
