# expect: failed | PE should be a numpy array, got a list
import math


def sinusoidal_encoding(T, d):
    # the right numbers, row by row in Python lists, never turned into an array
    table = []
    for pos in range(T):
        row = []
        for col in range(d):
            angle = pos / 10000 ** (2 * (col // 2) / d)
            row.append(math.sin(angle) if col % 2 == 0 else math.cos(angle))
        table.append(row)
    return table
