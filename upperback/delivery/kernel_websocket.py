"""The course's settings for any Jupyter server that shows it (JupyterLab, Voilà, a hub's servers).

A kernel's messages reach the browser through the server's websocket, and tornado leaves Nagle's algorithm
on for it: after one small message (the kernel's "busy"), the next ones wait until the browser acknowledges
the first, and browsers hold that acknowledgement for up to 40 ms. Every slider move sends such a burst (the
value's echo, the new picture, "moved", "idle"), so a picture drawn in 5 ms reached the page 20-45 ms later.
Sending each message at once (TCP_NODELAY) took the way there and back from 68 to 44 ms median on this
machine (benchmarks/RESULTS.md, the floor). ``app/config/jupyter_server_config.json`` names this class for
every server that ``./start`` launches.

A watch file from lesson 05's upload button reaches the kernel in one websocket message: the file itself as a
binary buffer (JupyterLab and Voilà send buffers as raw bytes, not base64) and well under a kilobyte of JSON
around it. tornado drops any message over its ``websocket_max_message_size`` (10 MiB unless set) and says
nothing to anyone: a 15.8 MB GPX of a 16-hour ultra did nothing at all. So every server takes messages a
little bigger than the largest file the importer reads (``TORNADO_SETTINGS``, set for Jupyter servers by
``app/config/jupyter_server_config.py`` and for standalone Voilà by ``app/config/voila.py``), and the upload
button refuses a bigger file in the page, before sending it (widgets/web/upload.js).
"""

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

from upperback.models.records.watch_files import MAX_FILE_BYTES

UPLOAD_MESSAGE_MARGIN_BYTES = 1_000_000  # our choice: a thousand times the JSON around an uploaded file
WEBSOCKET_MAX_MESSAGE_BYTES = MAX_FILE_BYTES + UPLOAD_MESSAGE_MARGIN_BYTES
TORNADO_SETTINGS = {"websocket_max_message_size": WEBSOCKET_MAX_MESSAGE_BYTES}


class PromptKernelConnection(ZMQChannelsWebsocketConnection):
    """A kernel websocket that sends each message as soon as it is written."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)  # the websocket is open by now (KernelWebsocketHandler.open)
        return super().connect()
