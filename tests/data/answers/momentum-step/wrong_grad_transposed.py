# expect: failed | rows and columns
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v + grad.T
    return theta - lr * v_new, v_new
