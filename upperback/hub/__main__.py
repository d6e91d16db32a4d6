"""`python -m upperback.hub` (upperback.delivery.class_links)."""

import sys

from upperback.delivery.class_links import main

sys.exit(main(sys.argv[1:]))
