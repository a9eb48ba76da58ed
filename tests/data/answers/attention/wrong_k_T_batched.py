# expect: failed | K.T reverses every axis of a batched K
# Q @ K.T, as 2-D blog code writes it: on a batched K, .T reverses the batch axes too
import numpy as np
def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
