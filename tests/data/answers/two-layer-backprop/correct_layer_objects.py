# expect: passed | passed all
import numpy as np


class Linear:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return self.W @ x + self.b

    def backward(self, d):
        self.dW = d @ self.x.T
        self.db = d.sum(axis=1, keepdims=True)
        return self.W.T @ d


class ReLU:
    def forward(self, z):
        self.mask = z > 0
        return z * self.mask

    def backward(self, d):
        return d * self.mask


class SoftmaxCrossEntropy:
    def forward(self, z, y):
        shifted = z - z.max(axis=0, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
        self.p, self.y, self.m = np.exp(log_p), y, z.shape[1]
        return -float(np.sum(y * log_p)) / self.m

    def backward(self):
        return (self.p - self.y) / self.m


def two_layer_loss_and_grads(X, Y, params):
    fc1 = Linear(params["W1"], params["b1"])
    act = ReLU()
    fc2 = Linear(params["W2"], params["b2"])
    head = SoftmaxCrossEntropy()
    loss = head.forward(fc2.forward(act.forward(fc1.forward(X))), Y)
    fc1.backward(act.backward(fc2.backward(head.backward())))
    return loss, {"dW1": fc1.dW, "db1": fc1.db, "dW2": fc2.dW, "db2": fc2.db}
