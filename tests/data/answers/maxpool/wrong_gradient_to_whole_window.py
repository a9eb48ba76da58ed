# expect: failed | every entry of the window got the window's gradient
import numpy as np
def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i*stride:i*stride+size, j*stride:j*stride+size].max(axis=(2, 3))
    return out
def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dx[:, :, i*stride:i*stride+size, j*stride:j*stride+size] += dout[:, :, i:i+1, j:j+1]
    return dx
