# expect: failed | 0.5 does not fall between them
import numpy as np


def xor_params():
    # built for inputs coded -1 and +1, as perceptron texts do: relu(x1 - x2) + relu(x2 - x1)
    # is 2 where the inputs differ, halved to 1; on 0/1 inputs that is 0.5 and 0 instead
    return {
        "W1": np.array([[1.0, -1.0], [-1.0, 1.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[0.5, 0.5]]),
        "b2": np.array([[0.0]]),
    }
