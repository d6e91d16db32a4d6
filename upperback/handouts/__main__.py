"""`python -m upperback.handouts` (upperback.delivery.handouts)."""

import sys
from pathlib import Path

from upperback.delivery.handouts import export_all

for written in export_all(Path(sys.argv[1] if len(sys.argv) > 1 else "handouts")):
    print(f"wrote {written}")
