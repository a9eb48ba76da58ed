# expect: failed | average pooling
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    for p in range(size):
        for q in range(size):
            out = np.maximum(out, x[:, :, p : p + stride * Ho : stride, q : q + stride * Wo : stride][:, :, :Ho, :Wo])
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    # the gradient shared over the window, dout / size**2 to every entry: average pooling's
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    dx = np.zeros(x.shape)
    for i in range(Ho):
        for j in range(Wo):
            dx[:, :, i * stride : i * stride + size, j * stride : j * stride + size] += (
                dout[:, :, i, j][:, :, None, None] / size**2
            )
    return dx
