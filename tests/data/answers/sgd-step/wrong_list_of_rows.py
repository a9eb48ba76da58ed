# expect: failed | theta should be a numpy array, got a list
def sgd_step(theta, grad, lr):
    # "theta is a list of parameters": zip walks the rows, and a list comes back
    return [p - lr * g for p, g in zip(theta, grad)]
