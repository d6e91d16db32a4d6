"""ipywidgets wiring for explorers and self-checks. Thin: the work is done in models and figures."""
