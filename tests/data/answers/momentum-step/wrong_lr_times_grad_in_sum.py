# expect: failed | and theta moves by -lr * v
def momentum_step(theta, grad, v, lr, beta=0.9):
    """Velocity holds lr*grad, then theta moves by the velocity."""
    v_new = beta * v + lr * grad
    return theta - v_new, v_new
