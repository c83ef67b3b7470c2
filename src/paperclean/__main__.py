"""``python -m paperclean``: the same command line as ``paperclean``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
