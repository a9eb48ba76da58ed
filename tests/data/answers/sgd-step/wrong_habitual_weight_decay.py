# expect: failed | theta also decays: the step matches theta - lr * (grad + 0.0005 * theta)
def sgd_step(theta, grad, lr, weight_decay=5e-4):
    # the training-loop habit: a little L2 decay folded into every step
    return theta - lr * (grad + weight_decay * theta)
