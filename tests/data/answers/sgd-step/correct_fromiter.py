# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    # element by element over flat views, rebuilt into theta's shape
    pairs = zip(np.ravel(theta), np.ravel(grad))
    flat = np.fromiter((t - lr * g for t, g in pairs), dtype=np.float64, count=np.size(theta))
    return flat.reshape(np.shape(theta))
