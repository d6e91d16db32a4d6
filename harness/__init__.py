"""What the tests and the benchmarks share: Chromium and the course's servers (browser), a class on a local
JupyterHub (class_hub), watch files written byte by byte (fit_writer, watch_files), a check-in as the form
gives it (check_ins), every self-check option with calm answers around it (self_checks), a lesson's cells
as saved (notebooks) and figure legibility (legibility).

Run from the project's root: pytest puts the root on the path (pyproject's pythonpath), the benchmarks run as
``python -m benchmarks.<name>``."""
