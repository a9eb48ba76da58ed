"""Reference implementations of the architectures pack, one module per topic.

Conventions: float64; image tensors are (N, C, H, W); sequences and attention use
rows as tokens ((T, d), Q = X @ Wq); the LSTM cell keeps engine.nn's column
convention (examples are columns). Functions return new arrays and never change
their inputs.
"""
