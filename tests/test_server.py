"""Every Jupyter server of the course sends a kernel's messages at once (upperback/server.py): the class turns
Nagle's algorithm off on a real websocket, and the settings every server starts with (./start) name it."""

import asyncio
import json
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application
from tornado.websocket import WebSocketHandler, websocket_connect
from traitlets.config.loader import PyFileConfigLoader

from upperback.server import PromptKernelConnection

ROOT = Path(__file__).resolve().parents[1]
NAME = f"{PromptKernelConnection.__module__}.{PromptKernelConnection.__name__}"


def test_the_kernel_websocket_sends_each_message_at_once(monkeypatch):
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: None)  # no kernel here
    opened = {}

    class Handler(KernelWebsocketHandler):  # the server's own handler, with no login and no kernel behind it
        def prepare(self):
            pass

        async def get(self):
            await WebSocketHandler.get(self)

        def select_subprotocol(self, subprotocols):
            return None

        def on_close(self):
            pass

        def open(self):
            before = self.ws_connection.stream.socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            PromptKernelConnection(websocket_handler=self).connect()
            after = self.ws_connection.stream.socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            opened.update(before=before, after=after)
            self.write_message("open")

    async def connect_once():
        sock, port = bind_unused_port()
        server = HTTPServer(Application([("/ws", Handler)]))
        server.add_sockets([sock])
        try:
            client = await websocket_connect(f"ws://127.0.0.1:{port}/ws")
            assert await client.read_message() == "open"
            client.close()
        finally:
            server.stop()

    with ThreadPoolExecutor(1) as thread:  # a loop of its own: the browser tests' may be running in this one
        thread.submit(asyncio.run, connect_once()).result()
    assert opened == {"before": 0, "after": 1}  # tornado leaves Nagle on; the course's connection turns it off


def test_jupyterlab_started_through_start_uses_it():
    shown = subprocess.run([str(ROOT / "start"), sys.executable, "-m", "jupyterlab", "--show-config-json"],
                           capture_output=True, text=True, check=True).stdout
    assert json.loads(shown)["ServerApp"]["kernel_websocket_connection_class"] == NAME


def test_standalone_voila_uses_it():
    config = PyFileConfigLoader("voila.py", path=str(ROOT / "app" / "config")).load_config()  # as Voilà reads it
    assert config.Voila.kernel_websocket_connection_class == NAME
