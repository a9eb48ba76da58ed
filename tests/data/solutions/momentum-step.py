"""A correct solution for the momentum-step drill (the sum convention, as PyTorch's SGD)."""


def momentum_step(theta, grad, v, lr, beta=0.9):
    """v <- beta * v + grad; theta <- theta - lr * v. Returns new arrays."""
    v_new = beta * v + grad
    return theta - lr * v_new, v_new
