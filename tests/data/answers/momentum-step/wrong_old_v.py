# expect: failed | theta was updated with the old v
def momentum_step(theta, grad, v, lr, beta=0.9):
    theta_new = theta - lr * v
    v_new = beta * v + grad
    return theta_new, v_new
