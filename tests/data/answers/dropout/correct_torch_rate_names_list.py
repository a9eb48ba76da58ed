# expect: passed | passed all
import numpy as np


def dropout_forward(input, keep_prob, generator):
    p = 1.0 - keep_prob  # the drop rate, as PyTorch names it
    mask = (generator.uniform(0.0, 1.0, size=input.shape) >= p).astype(np.float64)
    return [input * mask / (1.0 - p), mask]


def dropout_backward(grad_output, mask, keep_prob):
    return grad_output * mask / keep_prob
