"""Checkers for the architectures pack (CNNs, RNNs and attention), one module per topic."""
