# expect: failed | this is Nesterov's step
def momentum_step(theta, grad, v, lr, beta=0.9):
    # Nesterov's look-ahead (PyTorch nesterov=True), not the heavy ball the drill asks for
    v_new = beta * v + grad
    return theta - lr * (grad + beta * v_new), v_new
