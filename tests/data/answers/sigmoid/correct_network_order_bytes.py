# expect: passed | passed all
import numpy as np


def sigmoid(z):
    # the result goes through big-endian ("network order") bytes, as one read off a socket
    # would: dtype >f8 holds the same float64 numbers in the other byte order
    z = np.asarray(z, dtype=np.float64)
    out = 0.5 * (1.0 + np.tanh(0.5 * z))
    wire = out.astype(">f8").tobytes()
    return np.frombuffer(wire, dtype=">f8").reshape(out.shape)
