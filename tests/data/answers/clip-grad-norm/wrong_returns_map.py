# expect: invalid | got a map, which hands out its values one at a time
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    scale = max_norm / total_norm if total_norm > max_norm else 1.0
    # a lazy map, not the list the drill asks for
    return map(lambda g: g * scale, grads), total_norm
