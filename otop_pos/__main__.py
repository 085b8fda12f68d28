"""``python -m otop_pos``: the same as the otop-pos command."""
import sys

from otop_pos.app import main

sys.exit(main())
