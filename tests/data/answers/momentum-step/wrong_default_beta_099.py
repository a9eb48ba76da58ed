# expect: failed | called without beta, the step used beta = 0.99
def momentum_step(theta, grad, v, lr, beta=0.99):
    # the default remembered from Adam's beta2 neighbourhood, not the drill's 0.9
    v_new = beta * v + grad
    return theta - lr * v_new, v_new
