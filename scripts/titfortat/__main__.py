"""``python -m titfortat``."""

import sys

from titfortat.cli import main

sys.exit(main())
