# expect: failed | your code changed its input grad in place
def sgd_step(theta, grad, lr):
    """Scales the gradient in place to save an allocation: theta is left alone, grad is not."""
    grad *= lr
    return theta - grad
