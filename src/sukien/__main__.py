"""`python -m sukien` runs the `sukien` command."""

from .cli import main

main()
