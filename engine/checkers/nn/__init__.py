"""Checkers for the neural-networks pack, one module per topic."""
