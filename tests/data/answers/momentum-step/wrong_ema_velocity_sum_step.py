# expect: failed | this is the other convention, v = beta*v + (1-beta)*grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    """EMA velocity but the step divided back as if it were the sum form."""
    v_new = beta * v + (1 - beta) * grad
    return theta - lr * v_new / (1 - beta), v_new
