# expect: failed | v came back unchanged: return the new velocity
def momentum_step(theta, grad, v, lr, beta=0.9):
    v_new = beta * v + grad
    return theta - lr * v_new, v
