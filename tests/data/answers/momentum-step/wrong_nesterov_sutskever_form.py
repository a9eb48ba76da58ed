# expect: failed | this is Nesterov's step
def momentum_step(theta, grad, v, lr, beta=0.9):
    """CS231n's Nesterov update in the sum convention: theta moves by the look-ahead mix."""
    v_prev = v
    v_new = beta * v + grad
    theta_new = theta + lr * beta * v_prev - (1 + beta) * lr * v_new
    return theta_new, v_new
