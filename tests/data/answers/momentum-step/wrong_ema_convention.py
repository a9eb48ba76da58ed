# expect: failed | this drill uses the sum convention v = beta*v + grad, as PyTorch's SGD does
def momentum_step(theta, grad, v, lr, beta=0.9):
    v = beta * v + (1 - beta) * grad
    return theta - lr * v, v
