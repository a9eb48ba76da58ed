# expect: passed | passed all
def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = s * rho + grad**2 * (1.0 - rho)
    rms = s_new**0.5
    return theta - lr * grad / (rms + eps), s_new
