"""Entry point for ``python -m bankstation``."""

import sys

from bankstation.cli import main

sys.exit(main())
