# expect: failed | the survivors are not scaled
import numpy as np


def dropout_forward(A, keep_prob, rng, train=True):
    # "classic" dropout: drop in training, and scale by keep_prob at test time;
    # the Task asks for inverted dropout, scaled by 1 / keep_prob while training
    if not train:
        return A * keep_prob, None
    mask = rng.random(A.shape) < keep_prob
    return A * mask, mask


def dropout_backward(dout, mask, keep_prob):
    return dout * mask
