# expect: failed | returned the step lr * grad
def sgd_step(theta, grad, lr):
    # the update, not the updated parameters
    update = lr * grad
    return update
