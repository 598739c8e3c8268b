"""python -m jobdocs"""

from .cli import main

main()
