# expect: passed | passed all
import numpy as np


def softmax(z):
    # the column's largest logit read from a sort; exp of z minus it is at most 1
    top = np.sort(z, axis=0)[-1:]
    e = np.exp(z - top)
    return e / np.sum(e, axis=0)
