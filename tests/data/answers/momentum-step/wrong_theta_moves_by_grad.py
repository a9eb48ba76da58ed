# expect: failed | theta moved by lr * grad alone
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v + grad
    return theta - lr * grad, v_new
