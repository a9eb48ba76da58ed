# expect: failed | the window's maximum was sent to (i + p, j + q)
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
    N, C, H, W = x.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    win = x[n, c, i*stride:i*stride+size, j*stride:j*stride+size]
                    p, q = np.unravel_index(np.argmax(win), win.shape)
                    dx[n, c, i + p, j + q] += dout[n, c, i, j]
    return dx
