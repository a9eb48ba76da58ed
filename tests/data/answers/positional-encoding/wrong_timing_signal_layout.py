# expect: failed | sin and cos are in two halves
# tensor2tensor's timing signal: log-spaced timescales from 1 to 10000, sin then cos
import math

import numpy as np


def sinusoidal_encoding(T, d):
    half = d // 2
    increment = math.log(10000.0) / max(half - 1, 1)
    inv_timescales = np.exp(np.arange(half) * -increment)
    scaled = np.arange(T)[:, None] * inv_timescales[None, :]
    return np.concatenate([np.sin(scaled), np.cos(scaled)], axis=1)
