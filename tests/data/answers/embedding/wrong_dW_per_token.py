# expect: failed | dW has one row per token
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # each looked-up row passes its gradient straight through
    return dout.copy()
