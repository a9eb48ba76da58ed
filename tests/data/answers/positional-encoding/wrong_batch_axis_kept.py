# expect: failed | PE has a leading batch axis of 1
# the TensorFlow tutorial's habit: the table returned with a batch axis in front
import numpy as np


def sinusoidal_encoding(T, d):
    angle_rads = np.arange(T)[:, None] / np.power(10000, (2 * (np.arange(d)[None, :] // 2)) / d)
    angle_rads[:, 0::2] = np.sin(angle_rads[:, 0::2])
    angle_rads[:, 1::2] = np.cos(angle_rads[:, 1::2])
    return angle_rads[np.newaxis, ...]
