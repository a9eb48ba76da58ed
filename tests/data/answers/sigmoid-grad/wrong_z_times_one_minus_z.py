# expect: failed | apply the formula to s = sigmoid(z)
import numpy as np


def sigmoid_grad(z):
    return z * (1 - z)
