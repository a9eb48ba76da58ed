# expect: failed | beta and 1 - beta swapped places
def momentum_step(theta, grad, v, lr, beta=0.9):
    # the moving average with the weights the wrong way round
    v_new = (1 - beta) * v + beta * grad
    return theta - lr * v_new, v_new
