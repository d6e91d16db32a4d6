"""Plain numbers and pure functions: no matplotlib, no ipywidgets. Every constant names its source."""
