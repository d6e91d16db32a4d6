# Read by every Jupyter server that ./start launches (JupyterLab, Binder's server, a hub's learners), with
# jupyter_server_config.json beside it, which holds every setting written down. This one is worked out: the
# websocket takes messages a little bigger than the largest watch file the course reads, so a long run's
# file reaches the kernel instead of being dropped without a word (upperback/delivery/kernel_websocket.py).
from upperback.delivery.kernel_websocket import TORNADO_SETTINGS

c.ServerApp.tornado_settings = dict(TORNADO_SETTINGS)  # noqa: F821 (Jupyter provides c)
