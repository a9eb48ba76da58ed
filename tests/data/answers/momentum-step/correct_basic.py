# expect: passed | passed all
def momentum_step(theta, grad, v, lr, beta=0.9):
    v = beta * v + grad
    return theta - lr * v, v
