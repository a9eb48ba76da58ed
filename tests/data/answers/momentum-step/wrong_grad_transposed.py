# expect: failed | fails when theta's rows and columns differ
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v + grad.T
    return theta - lr * v_new, v_new
