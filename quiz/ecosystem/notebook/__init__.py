"""Jupyter notebooks read as the Markdown notes they hold: their cells (`cells`), joined
into one Markdown text with a map back to each cell's lines (`joined`), and the import's
report placed in cells rather than in the joined text's lines (`places`)."""
