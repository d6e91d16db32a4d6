"""`python -m upperback.runs` (upperback.delivery.runs_command)."""

import sys

from upperback.delivery.runs_command import main

sys.exit(main())
