# expect: failed | v holds lr * grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    # the Sutskever form: v holds lr * g; same trajectory for a fixed lr, different state
    v_new = beta * v + lr * grad
    return theta - v_new, v_new
