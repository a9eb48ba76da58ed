# expect: failed | this is the other convention, v = beta*v + (1-beta)*grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    v = beta * v + (1 - beta) * grad
    return theta - lr * v, v
