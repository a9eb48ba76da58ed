# expect: failed | this matches forward differences
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    f0 = f(x)

    def bumped(i):
        y = x.copy()
        y.flat[i] += eps
        return f(y)

    return np.array([(bumped(i) - f0) / eps for i in range(x.size)]).reshape(x.shape)
