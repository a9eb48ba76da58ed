# expect: failed | these weights compute XOR with sigmoid units and a sigmoid output
import numpy as np


def xor_params():
    # the textbook sigmoid solution (OR and NAND units, AND at the output) copied over: with
    # ReLU units and a linear output these weights do not compute XOR
    return {
        "W1": np.array([[20.0, 20.0], [-20.0, -20.0]]),
        "b1": np.array([[-10.0], [30.0]]),
        "W2": np.array([[20.0, 20.0]]),
        "b2": np.array([[-30.0]]),
    }
