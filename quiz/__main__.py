"""`python -m quiz` runs the drillbit command line."""

from quiz.cli import main

main()
