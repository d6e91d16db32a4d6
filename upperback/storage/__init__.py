"""The runner's files on disk: shared file helpers (files) and one module per store."""
