# expect: failed | changed its input theta in place
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v + grad
    theta -= lr * v_new
    return theta, v_new
