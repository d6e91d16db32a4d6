"""Key press to picture over a slow link: the learner far from the server (Binder, a hub in another town).

The same JupyterLab and Chromium as benchmarks/browser.py, with a proxy between them on this machine that
holds every piece of data for DELAY_MS in each direction, so every request and every kernel message takes a
round trip of 2 × DELAY_MS more. Measured: the kernel round trip baseline (an explorer that draws nothing
and sends nothing ahead) and lesson 01's pendulum explorer, which shows the pictures it sent ahead.

    python -m benchmarks.slow_link        (make bench runs it after the browser benchmark)
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.browser import (
    ROUND_TRIP,
    bench_page,
    stats,
    time_baseline,
    time_handles,
    write_section,
)
from harness.browser import SLIDER, free_port, jupyterlab_server, open_and_run_all

DELAY_MS = 50  # each way: a 100 ms round trip, as from a home connection to a server in another country
SECTION = "## Key press to picture over a slow link (100 ms round trip)"


@contextmanager
def delaying_proxy(target_port: int, delay_s: float):
    """A local port that forwards to ``target_port``, every chunk held ``delay_s`` each way, in order."""
    port, loop = free_port(), asyncio.new_event_loop()

    async def carry(reader, writer):
        chunks: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while (item := await chunks.get()) is not None:
                due, data = item
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                writer.write(data)
                await writer.drain()
            writer.close()

        delivering = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(1 << 16):
                chunks.put_nowait((time.monotonic() + delay_s, data))
        except ConnectionError:
            pass
        chunks.put_nowait(None)
        await delivering

    async def connect(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(carry(client_reader, server_writer), carry(server_reader, client_writer),
                             return_exceptions=True)

    listening = threading.Event()

    def serve():  # in a thread of its own: Playwright's sync API keeps an event loop in this one
        asyncio.set_event_loop(loop)
        loop.run_until_complete(asyncio.start_server(connect, "127.0.0.1", port))
        listening.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    listening.wait(10)
    try:
        yield port
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


def measure() -> dict[str, tuple]:
    from playwright.sync_api import sync_playwright

    results = {}
    with tempfile.TemporaryDirectory() as home, sync_playwright() as playwright, \
            jupyterlab_server(Path(home), extra_env={"UPPERBACK_DATA_DIR": f"{home}/data"}) as (base, token), \
            delaying_proxy(urlsplit(base).port, DELAY_MS / 1000) as port:
        far = f"http://127.0.0.1:{port}"
        page = bench_page(playwright, timeout_ms=120_000)
        results["baseline: kernel round trip"] = time_baseline(page, far, token, "kernel round trip", ROUND_TRIP,
                                                                SLIDER)
        open_and_run_all(page, far, token, "notebooks/01_arm_carriage.ipynb")
        page.wait_for_function("() => document.querySelectorAll('.upperback-explorer img').length >= 2")
        pendulum = page.locator(".upperback-explorer").nth(1)
        pendulum.scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        timings = time_handles(page, pendulum, pendulum.locator(SLIDER).all())
        results["01 pendulum"] = (*stats(timings), len(timings))
        page.context.browser.close()
    return results


if __name__ == "__main__":
    results = measure()
    rows = ["| explorer | presses | median ms | p95 ms |", "| --- | ---: | ---: | ---: |"]
    rows += [f"| {name} | {count} | {median:.0f} | {p95:.0f} |" for name, (median, p95, count) in results.items()]
    print("\n".join(rows))
    note = (f"As above, through a proxy on this machine that holds all data {DELAY_MS} ms each way (a 100 ms round "
            "trip, as to a server in another country): each step of the round-trip baseline waits for the "
            "kernel; the explorer's steps show the picture sent ahead after the step before.\n")
    write_section(SECTION, note, rows)
