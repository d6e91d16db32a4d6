"""The benchmarks (`make bench`): each module runs as ``python -m benchmarks.<name>`` from the project's root and
writes its section of RESULTS.md."""
