# expect: failed | beta multiplies grad instead of v
# beta moved onto the gradient: v = v + beta*grad
def momentum_step(theta, grad, v, lr, beta=0.9):
    v = v + beta * grad
    return theta - lr * v, v
