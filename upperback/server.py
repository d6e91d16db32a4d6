"""The course's setting for any Jupyter server that shows it (JupyterLab, Voilà, a hub's servers).

A kernel's messages reach the browser through the server's websocket, and tornado leaves Nagle's algorithm
on for it: after one small message (the kernel's "busy"), the next ones wait until the browser acknowledges
the first, and browsers hold that acknowledgement for up to 40 ms. Every slider move sends such a burst (the
value's echo, the new picture, "moved", "idle"), so a picture drawn in 5 ms reached the page 20-45 ms later.
Sending each message at once (TCP_NODELAY) took the way there and back from 68 to 44 ms median on this
machine (benchmarks/RESULTS.md, the floor). ``app/config/jupyter_server_config.json`` names this class for
every server that ``./start`` launches.
"""

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class PromptKernelConnection(ZMQChannelsWebsocketConnection):
    """A kernel websocket that sends each message as soon as it is written."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)  # the websocket is open by now (KernelWebsocketHandler.open)
        return super().connect()
