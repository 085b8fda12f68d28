"""Entry script of the frozen build (packaging/otop-pos.spec): the same ``otop-pos`` as the installed command."""
import sys

from otop_pos.app import main

if __name__ == "__main__":
    sys.exit(main())
