# expect: passed | passed
def momentum_step(theta, grad, v, lr, beta=0.9):
    # theta - lr (beta v + g), expanded
    theta_new = theta - lr * beta * v - lr * grad
    return theta_new, beta * v + grad
