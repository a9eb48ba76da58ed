# expect: failed | divided by its number of rows
def sgd_step(theta, grad, lr):
    # the gradient is already a mean over the batch: dividing by m again shrinks the step
    m = grad.shape[0]
    return theta - lr * grad / m
