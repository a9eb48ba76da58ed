"""Checkers for the deep-training pack, one module per topic."""
