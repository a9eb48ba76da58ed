"""Reference implementations of the deep-training drills, one module per topic.

Same conventions as `engine.nn`: float64, examples are columns, optimizer states
shaped like `theta`; every function returns new values and never changes its inputs.
"""
