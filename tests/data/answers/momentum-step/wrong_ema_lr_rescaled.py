# expect: failed | this is the other convention, v = beta*v + (1-beta)*grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    # "the same optimizer": EMA velocity with the step scaled back up by 1 / (1 - beta)
    v_new = beta * v + (1 - beta) * grad
    return theta - lr / (1 - beta) * v_new, v_new
