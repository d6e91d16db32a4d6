"""Matplotlib drawings built from the models. No ipywidgets here: the same functions make the static
assets in ``assets/`` and the live figures the widgets update."""
