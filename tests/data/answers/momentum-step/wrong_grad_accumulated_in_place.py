# expect: failed | your code changed its input grad in place
def momentum_step(theta, grad, v, lr, beta=0.9):
    """Builds the velocity inside grad's buffer (grad += beta * v), as a fused kernel would."""
    grad += beta * v
    return theta - lr * grad, grad.copy()
