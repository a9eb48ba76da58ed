# expect: failed | the old velocity was weighted by 1 - beta
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = (1 - beta) * v + grad
    return theta - lr * v_new, v_new
