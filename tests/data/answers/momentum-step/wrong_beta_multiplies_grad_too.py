# expect: failed | v = beta*(v + grad)
def momentum_step(theta, grad, v, lr, beta=0.9):
    # brackets one term too wide: beta scales the new gradient as well
    v_new = beta * (v + grad)
    return theta - lr * v_new, v_new
