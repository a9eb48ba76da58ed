# expect: passed | passed
def momentum_step(theta, grad, v, lr, beta=0.9):
    velocity = v * beta
    velocity = velocity + grad
    step = lr * velocity
    return theta - step, velocity
