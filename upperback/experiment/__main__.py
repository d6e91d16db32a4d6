"""python -m upperback.experiment [--json] FILE.csv"""

import sys

from upperback.delivery.experiment_command import main

sys.exit(main())
