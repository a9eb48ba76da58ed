# expect: failed | so nothing may overflow, divide by zero or turn invalid
# the naive form with numpy's warnings silenced: the grader keeps its own error state, so
# the overflow is still reported
import numpy as np
def softmax(z):
    with np.errstate(all="ignore"):
        e = np.exp(z)
        return e / e.sum(axis=0, keepdims=True)
