# expect: passed | passed
import numpy as np


def momentum_step(theta, grad, v, lr, beta=0.9):
    def one(th, g, vel):
        vel = beta * vel + g
        return th - lr * vel, vel

    return np.vectorize(one, otypes=[float, float])(theta, grad, v)
