# expect: passed | passed all
import math

import numpy as np


def he_init(fan_in, fan_out, generator):
    std = math.sqrt(2.0 / fan_in)  # kaiming_normal_ with a ReLU gain, fan_in mode
    return generator.normal(0.0, std, size=(fan_out, fan_in))


def xavier_init(fan_in, fan_out, generator):
    std = 1.0 * math.sqrt(2.0 / float(fan_in + fan_out))  # xavier_normal_, gain 1
    return np.asarray(generator.normal(0.0, std, size=(fan_out, fan_in)), dtype=np.float64)
