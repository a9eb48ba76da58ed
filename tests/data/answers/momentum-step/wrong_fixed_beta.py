# expect: failed | beta was ignored
def momentum_step(theta, grad, v, lr, beta=0.9):
    v = 0.9 * v + grad
    return theta - lr * v, v
