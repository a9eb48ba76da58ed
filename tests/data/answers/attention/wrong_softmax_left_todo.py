# expect: failed | the weights are the scaled scores themselves, with no softmax
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # half-finished: the softmax is still a TODO, the scaled scores are used as the weights
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, 0.0)
    weights = scores  # TODO: softmax over the keys
    return weights @ V, weights
