# expect: failed | yours is ||num - grad|| / max(||num||, ||grad||)
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.asarray(grad_f(x), dtype=np.float64)
    num = np.zeros_like(ana)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        keep = x[i]
        x[i] = keep + eps
        up = f(x)
        x[i] = keep - eps
        down = f(x)
        x[i] = keep
        num[i] = (up - down) / (2 * eps)
    # the larger of the two norms as the scale
    scale = max(np.linalg.norm(num), np.linalg.norm(ana))
    rel = 0.0 if scale == 0 else float(np.linalg.norm(num - ana) / scale)
    return rel < threshold, rel
