# expect: failed | the windows are sliced from x, not from the padded x
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # every filter at once, but the window still comes from x: the pad is never read
    batch, _, height, width = x.shape
    filters, _, k_rows, k_cols = w.shape
    padded = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out_rows = (height + 2 * pad - k_rows) // stride + 1
    out_cols = (width + 2 * pad - k_cols) // stride + 1
    out = np.empty((batch, filters, out_rows, out_cols))
    for r in range(out_rows):
        for c in range(out_cols):
            top, left = r * stride, c * stride
            patch = x[:, None, :, top : top + k_rows, left : left + k_cols]
            out[:, :, r, c] = (patch * w[None]).sum(axis=(2, 3, 4)) + b
    return out
