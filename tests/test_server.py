"""Every Jupyter server of the course sends a kernel's messages at once, and takes a message as big as the
largest watch file the course reads (upperback/delivery/kernel_websocket.py): the class turns Nagle's algorithm off on a real
websocket, a real websocket with the course's settings takes a 50 MB file's message that tornado's default
drops, and the settings every server starts with (./start) name both."""

import asyncio
import json
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application
from tornado.websocket import WebSocketClosedError, WebSocketHandler, websocket_connect
from traitlets.config.loader import PyFileConfigLoader

from upperback.delivery.kernel_websocket import (
    TORNADO_SETTINGS,
    WEBSOCKET_MAX_MESSAGE_BYTES,
    PromptKernelConnection,
)
from upperback.models.records.watch_files import MAX_FILE_BYTES

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


@pytest.mark.slow
def test_jupyterlab_started_through_start_uses_it():
    shown = subprocess.run([str(ROOT / "start"), sys.executable, "-m", "jupyterlab", "--show-config-json"],
                           capture_output=True, text=True, check=True).stdout
    assert json.loads(shown)["ServerApp"]["kernel_websocket_connection_class"] == NAME
    assert json.loads(shown)["ServerApp"]["tornado_settings"] == TORNADO_SETTINGS
    culling = json.loads(shown)["MappingKernelManager"]  # a backstop: idle kernels nobody is connected to end
    assert culling["cull_idle_timeout"] > 0 and culling["cull_connected"] is False


def test_standalone_voila_uses_it():
    config = PyFileConfigLoader("voila.py", path=str(ROOT / "app" / "config")).load_config()  # as Voilà reads it
    assert config.Voila.kernel_websocket_connection_class == NAME
    assert config.Voila.tornado_settings == TORNADO_SETTINGS
    assert config.MappingKernelManager.cull_idle_timeout > 0 and config.MappingKernelManager.cull_connected is False


# The largest file the importer reads, as the upload button sends it: a binary buffer after the message's
# JSON (JupyterLab's kernel websocket protocol, v1: offsets, channel, header, parent, metadata, content).
JSON_AROUND_A_FILE = json.dumps({"header": {"msg_id": "x" * 36, "msg_type": "comm_msg", "session": "s" * 36,
                                            "username": "", "date": "2026-12-03T08:00:00.000Z", "version": "5.3"},
                                 "content": {"comm_id": "c" * 32, "data": {"method": "custom", "content": {
                                     "file": "an ultra of 16 hours, with a long name.gpx", "size": MAX_FILE_BYTES}}},
                                 "metadata": {}, "parent_header": {}, "buffer_paths": []}).encode()


def biggest_upload_arrives(settings: dict) -> bool:
    """Whether a websocket of a tornado application with ``settings`` receives the biggest upload whole."""
    received = []

    class Handler(WebSocketHandler):
        def on_message(self, message):
            received.append(len(message))
            self.write_message("got it")

    async def send_once():
        sock, port = bind_unused_port()
        server = HTTPServer(Application([("/ws", Handler)], **settings))
        server.add_sockets([sock])
        try:
            client = await websocket_connect(f"ws://127.0.0.1:{port}/ws", max_message_size=WEBSOCKET_MAX_MESSAGE_BYTES)
            try:
                await client.write_message(bytes(8 * 8) + JSON_AROUND_A_FILE + bytes(MAX_FILE_BYTES), binary=True)
            except WebSocketClosedError:  # the server closed it while the message was on its way (code 1009)
                return False
            answer = await client.read_message()  # None: closed after the whole message came
            client.close()
            return answer == "got it"
        finally:
            server.stop()

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, send_once()).result()


@pytest.mark.slow
def test_the_course_servers_websocket_takes_the_biggest_file_the_importer_reads_and_tornados_default_does_not():
    assert len(JSON_AROUND_A_FILE) < 1000 < WEBSOCKET_MAX_MESSAGE_BYTES - MAX_FILE_BYTES
    assert biggest_upload_arrives(TORNADO_SETTINGS)
    assert not biggest_upload_arrives({})  # 10 MiB: what made a 15.8 MB file do nothing
