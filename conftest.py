"""Shared by every test, notebook runs under nbval included: never touch a real runner's saved answers."""

import os
import tempfile

import matplotlib

matplotlib.use("Agg")


def pytest_configure(config):
    # Set before nbval starts any kernel, so the kernels inherit it.
    os.environ["UPPERBACK_DATA_DIR"] = tempfile.mkdtemp(prefix="upperback-test-data-")
    os.environ.pop("UPPERBACK_PROJECTOR", None)
