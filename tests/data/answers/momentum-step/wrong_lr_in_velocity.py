# expect: failed | (how PyTorch's notes write Sutskever et al.'s form;
def momentum_step(theta, grad, v, lr, beta=0.9):
    # how PyTorch's notes write Sutskever et al.'s form: v holds lr * g (theta alike, v not)
    v_new = beta * v + lr * grad
    return theta - v_new, v_new
