# expect: failed | v holds the step itself, v = beta*v - lr*grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    """The lecture-notes form: the velocity carries -lr*grad and is added to theta."""
    v_new = beta * v - lr * grad
    return theta + v_new, v_new
