# Standalone Voilà (`make app`, `make slides`) reads this file; a Jupyter server (Binder, a hub) reads
# jupyter_server_config.json beside it. Both take the same settings: that file is the one place for them
# (ServerApp's are for a Jupyter server, Voila's for standalone Voilà). The one setting worked out from the
# course's code, the websocket's message size, comes from upperback.delivery.kernel_websocket for both (jupyter_server_config.py).
import json
from pathlib import Path

from upperback.delivery.kernel_websocket import TORNADO_SETTINGS

c.merge(type(c)(json.loads((Path(__file__).parent / "jupyter_server_config.json").read_text())))  # noqa: F821
c.Voila.tornado_settings = dict(TORNADO_SETTINGS)  # noqa: F821
