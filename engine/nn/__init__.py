"""Reference implementations of every drill, one module per topic.

Pure functions on float64 arrays in one layout throughout: examples are columns
(X is (n_features, m)), W is (n_out, n_in), b is (n_out, 1). They return new
arrays and never change their inputs (numerical_gradient restores x exactly).
"""
