"""The helper package behind the upper-back lessons for runners.

Layers, each importing only the ones above it:
1. ``upperback.models`` and ``upperback.storage``: numbers, functions, question data, the answers file.
2. ``upperback.figures``: matplotlib drawings built from the models.
3. ``upperback.widgets``: ipywidgets wiring.
The lesson modules (``upperback.start_here`` …) are what the notebooks import, one short call per cell.
"""

__version__ = "0.1.0"
