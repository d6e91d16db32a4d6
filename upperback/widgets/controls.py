"""Controls with the same look in every explorer: a labelled slider, and a play button for animations."""

from __future__ import annotations

import ipywidgets as widgets

SLIDER_LAYOUT = {"width": "34em"}
LABEL_STYLE = {"description_width": "13em"}  # long, plain-word labels: ipywidgets 8 sliders have no other name


def slider(description: str, low: float, high: float, step: float, value: float, tooltip: str):
    """An int slider for whole steps, a float slider otherwise; continuous, so the picture follows the hand."""
    whole = all(float(number).is_integer() for number in (low, high, step, value))
    kind = widgets.IntSlider if whole else widgets.FloatSlider
    decimals = {} if whole else {"readout_format": f".{len(repr(float(step)).split('.')[1])}f"}
    return kind(
        value=int(value) if whole else value, min=int(low) if whole else low, max=int(high) if whole else high,
        step=int(step) if whole else step, description=description, tooltip=tooltip, continuous_update=True,
        style=LABEL_STYLE, layout=widgets.Layout(**SLIDER_LAYOUT), **decimals,
    )


def play_control(target: widgets.IntSlider, interval_ms: int, hint: str) -> widgets.HBox:
    """A play/pause button that steps ``target`` round and round (linked in the browser, so it keeps time)."""
    play = widgets.Play(value=target.value, min=target.min, max=target.max, step=target.step,
                        interval=interval_ms, repeat=True, description="Play", tooltip="Play or pause the motion")
    widgets.jslink((play, "value"), (target, "value"))
    return widgets.HBox([play, widgets.HTML(f"<i>{hint}</i>")])
