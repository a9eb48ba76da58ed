"""A correct solution for the dropout drill (inverted dropout)."""



def dropout_forward(A, keep_prob, rng):
    """Keep each unit with probability keep_prob, scale the survivors by 1/keep_prob."""
    mask = rng.random(A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout, mask, keep_prob):
    """The same mask and scale applied to the upstream gradient."""
    return dout * mask / keep_prob
