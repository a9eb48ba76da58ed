# expect: failed | W1 should be a numpy array, got a list
def xor_params():
    # right weights, written as nested lists: the Task asks for float64 arrays
    return {
        "W1": [[1.0, 1.0], [1.0, 1.0]],
        "b1": [[0.0], [-1.0]],
        "W2": [[1.0, -2.0]],
        "b2": [[0.0]],
    }
