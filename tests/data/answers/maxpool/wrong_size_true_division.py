# expect: failed | the output size was computed with true division
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) / stride + 1, (W - size) / stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    # upsample the pooled maxima and the gradient with np.repeat, then mask where x equals it
    out = maxpool_forward(x, size, stride)
    N, C, Ho, Wo = out.shape
    up = np.repeat(np.repeat(out, size, axis=2), size, axis=3)
    dup = np.repeat(np.repeat(dout, size, axis=2), size, axis=3)
    dx = np.zeros_like(x)
    h, w = up.shape[2], up.shape[3]
    dx[:, :, :h, :w] = (x[:, :, :h, :w] == up) * dup
    return dx
