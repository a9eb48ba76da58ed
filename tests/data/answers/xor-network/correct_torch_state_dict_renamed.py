# expect: passed | passed
import numpy as np


def xor_params():
    # written as a PyTorch nn.Sequential(Linear, ReLU, Linear) state dict first, then renamed;
    # the biases are kept as columns, the layout the Task's W x + b uses
    state = {
        "0.weight": [[1.0, 1.0], [1.0, 1.0]],
        "0.bias": [0.0, -1.0],
        "2.weight": [[1.0, -2.0]],
        "2.bias": [0.0],
    }
    names = {"0.weight": "W1", "0.bias": "b1", "2.weight": "W2", "2.bias": "b2"}
    out = {}
    for key, value in state.items():
        arr = np.array(value, dtype=np.float64)
        out[names[key]] = arr.reshape(-1, 1) if key.endswith("bias") else arr
    return out
