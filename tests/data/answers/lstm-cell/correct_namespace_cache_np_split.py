# expect: passed | passed all
from types import SimpleNamespace

import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    s = SimpleNamespace(x=x, h_prev=h_prev, c_prev=c_prev, W=W)
    s.hx = np.concatenate([h_prev, x], axis=0)
    zi, zf, zo, zg = np.split(W @ s.hx + b, 4, axis=0)
    # sigmoid through tanh: no overflow for large |z|
    s.i, s.f, s.o = (0.5 * (1.0 + np.tanh(0.5 * z)) for z in (zi, zf, zo))
    s.g = np.tanh(zg)
    s.c = s.f * c_prev + s.i * s.g
    s.tc = np.tanh(s.c)
    h = s.o * s.tc
    return h, s.c, s


def lstm_cell_backward(dh, dc, cache):
    s = cache
    n = s.h_prev.shape[0]
    dc_total = dc + dh * s.o * (1.0 - s.tc * s.tc)
    gates = [
        dc_total * s.g * s.i * (1.0 - s.i),
        dc_total * s.c_prev * s.f * (1.0 - s.f),
        dh * s.tc * s.o * (1.0 - s.o),
        dc_total * s.i * (1.0 - s.g * s.g),
    ]
    dz = np.concatenate(gates, axis=0)
    dhx = s.W.T @ dz
    return dhx[n:], dhx[:n], dc_total * s.f, dz @ s.hx.T, dz.sum(axis=1, keepdims=True)
