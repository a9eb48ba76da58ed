# expect: failed | sigmoid(...) should be a numpy array, got a list
import math


def _one(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    # stable per value, but handed back as nested Python lists
    def walk(a):
        return [walk(b) for b in a] if isinstance(a, list) else _one(a)

    return walk(z.tolist())
