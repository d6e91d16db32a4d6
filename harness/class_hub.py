"""A class on a local JupyterHub (`make class`), driven the way learners use it: sign in, follow the class
link, let nbgitpuller pull the lessons, run lesson 00 and save a self-check. Shared by the class test (what
happens) and the class benchmark (how long it takes, how much memory each learner needs)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests
from websockets.sync.client import connect

from harness.browser import ROOT, free_port, isolated_jupyter_env, make_command, wait_until_serving
from upperback.delivery.class_links import FOLDER, LESSON_00, class_links

PASSWORD = "class-test-password"


@dataclass
class Learner:
    name: str
    home: Path
    choice: int  # which option of each question this learner picks, so answers tell learners apart
    ready_s: float = 0.0  # from signing in to a kernel that answers
    done_s: float = 0.0  # ... to lesson 00 run and the self-check saved
    errors: list[str] = field(default_factory=list)
    steps: dict[str, float] = field(default_factory=dict)  # seconds each step took, in order (PHASES)


PHASES = ("signed in", "server started", "lessons pulled", "kernel started", "kernel answered")


@contextmanager
def class_hub(home: Path):
    """`make class` on a free port, its state under ``home``, with a local copy of this repository to pull
    from (branch main): no network. Yields the hub's address and the repository's address."""
    repository = home / "course.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(repository)], check=True)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    subprocess.run(["git", "-C", str(repository), "branch", "--force", "main", head], check=True)
    env = isolated_jupyter_env(home)
    env["CLASS_PASSWORD"] = PASSWORD
    port = free_port()
    log_path = home / "hub.log"
    with log_path.open("w") as log:
        hub = subprocess.Popen(make_command("class", f"CLASS_PORT={port}", f"CLASS_DIR={home / 'class'}"),
                               cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(f"{base}/hub/api", hub, log_path, "make class")
            yield base, f"file://{repository}", home / "class" / "homes"
        finally:
            os.killpg(hub.pid, signal.SIGTERM)  # make, the hub and its proxy; the hub stops the servers
            hub.wait(timeout=30)
            stop_processes_of(home, patience=2)  # the class is over: no need to wait for a tidy shutdown


def stop_processes_of(home: Path, patience: float) -> None:
    """Wait for every process whose environment names a folder under ``home`` (learners' servers, kernels),
    then end any left."""
    marker = str(home).encode()
    deadline = time.monotonic() + patience
    while True:
        left = [int(proc.name) for proc in Path("/proc").iterdir() if proc.name.isdigit()
                and proc.name != str(os.getpid()) and marker in _environ(proc)]
        if not left:
            return
        for pid in left if time.monotonic() > deadline else []:
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.3)


def _environ(proc: Path) -> bytes:
    try:
        return (proc / "environ").read_bytes()
    except OSError:  # gone, or not ours to read
        return b""


def attend(base: str, repository: str, learner: Learner, timeout: float = 120) -> Learner:
    """One learner's first minutes: sign in, follow the JupyterLab class link, pull, run lesson 00."""
    session = requests.Session()
    started = last = time.monotonic()

    def step(name: str) -> None:
        nonlocal last
        now = time.monotonic()
        learner.steps[name], last = now - last, now

    session.get(f"{base}/hub/login").raise_for_status()
    signed_in = session.post(f"{base}/hub/login", data={
        "username": learner.name, "password": PASSWORD, "_xsrf": session.cookies.get("_xsrf", path="/hub/")})
    signed_in.raise_for_status()
    step("signed in")
    link = class_links(base, repository)["JupyterLab"]
    user = f"{base}/user/{learner.name}"
    if not session.get(link).url.startswith(f"{user}/git-pull"):  # the hub is starting the learner's server
        # what the "server starting" page does: follow the hub's progress events until the server is ready
        for event in server_sent_events(session, f"{base}/hub/api/users/{learner.name}/server/progress", timeout):
            if event.get("failed"):
                raise RuntimeError(f"{learner.name}: the server did not start: {event}")
            if event.get("ready"):
                break
        assert session.get(link).url.startswith(f"{user}/git-pull"), f"{learner.name}: not on nbgitpuller's page"
    step("server started")
    pull = urlencode({"repo": repository, "branch": "main", "targetpath": FOLDER})
    for event in server_sent_events(session, f"{user}/git-pull/api?{pull}", timeout):  # nbgitpuller's page
        if event.get("phase") == "error":
            raise RuntimeError(f"{learner.name}: nbgitpuller: {event}")
        if event.get("phase") == "finished":
            break
    step("lessons pulled")
    token = session.post(f"{base}/hub/api/users/{learner.name}/tokens", json={"note": "class test"},
                         headers={"X-XSRFToken": session.cookies.get("_xsrf", path="/hub/")}).json()["token"]
    auth = {"Authorization": f"token {token}"}
    lesson = f"{FOLDER}/{LESSON_00}"
    kernel = session.post(f"{user}/api/sessions", headers=auth, json={
        "path": lesson, "type": "notebook", "name": "", "kernel": {"name": "python3"}}).json()["kernel"]["id"]
    step("kernel started")
    notebook = json.loads((learner.home / lesson).read_text())  # the learner's own pulled copy
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    answer = ("from upperback.lessons import start_here\n"
              "form = start_here.self_check()\n"
              "for picker in form.pickers.values():\n"
              f"    picker.value = picker.options[{learner.choice} % len(picker.options)][1]\n"
              "form.submit()\n")
    ws_url = f"{user.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels"
    with connect(ws_url, additional_headers=auth, open_timeout=timeout, max_size=None) as channel:
        learner.errors += run_code(channel, "1 + 1", timeout)
        step("kernel answered")
        learner.ready_s = time.monotonic() - started
        for code in [*cells, answer]:
            learner.errors += run_code(channel, code, timeout)
    learner.done_s = time.monotonic() - started
    return learner


def server_sent_events(session, url: str, timeout: float):
    """The events of an event stream (what the hub's and nbgitpuller's pages listen to), as dictionaries."""
    with session.get(url, stream=True, timeout=timeout) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line.startswith("data:"):
                yield json.loads(line[5:])


def run_code(channel, code: str, timeout: float) -> list[str]:
    """Run code on a kernel over its websocket (Jupyter's messaging protocol); the errors it raised."""
    msg_id = uuid.uuid4().hex
    channel.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "learner",
                   "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    errors = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        raw = channel.recv(timeout=timeout)
        if isinstance(raw, bytes):  # a message with binary buffers (a widget's picture): not a reply
            continue
        message = json.loads(raw)
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "error":
            errors.append(f"{message['content']['ename']}: {message['content']['evalue']}")
        if message["msg_type"] == "execute_reply":
            return errors
    pytest.fail(f"no reply within {timeout} s to {code[:60]!r}")


def resident_mib(proc: Path = Path("/proc/self")) -> float:
    """A process's resident memory, from /proc/<pid>/status."""
    status = (proc / "status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024


def memory_mib(home: Path) -> float:
    """Resident memory of every process of one learner (their server and kernel)."""
    return sum(mib for mib, _ in processes_of(home / "upperback-data"))


def processes_of(data_dir: Path) -> list[tuple[float, bytes]]:
    """(resident MiB, command line) of every process whose environment names ``data_dir`` as the learner data
    folder: a server started for it and every kernel that server started."""
    marker = f"UPPERBACK_DATA_DIR={data_dir}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and marker in _environ(proc).split(b"\0"):
            try:
                found.append((resident_mib(proc), (proc / "cmdline").read_bytes()))
            except (OSError, StopIteration):  # ended meanwhile
                continue
    return found
