# expect: failed | the size needs the stride, Ho = (H + 2*pad - KH)//stride + 1
# im2col one window at a time, Ho without the stride: the flattened short window no longer
# has C*KH*KW entries and the matmul raises
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = H + 2 * pad - KH + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    wf = w.reshape(F, -1)
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            cols = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW].reshape(
                N, -1
            )
            out[:, :, i, j] = cols @ wf.T + b
    return out
