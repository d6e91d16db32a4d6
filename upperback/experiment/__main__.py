"""python -m upperback.experiment [--json] FILE.csv"""

import sys

from upperback.experiment import main

sys.exit(main())
