"""A printable stand-in for each widget, for places with no live kernel: the handouts.

JupyterLab shows the live widget (its view has the highest rank); a static HTML export that leaves the
widget view out shows this HTML instead, so a handout still has the picture, the words and the questions.
"""

from __future__ import annotations

import base64


class StaticFallback:
    """Mix into a widget class and define ``static_html``."""

    def static_html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/html"] = f'<div class="upperback-static">{self.static_html()}</div>'
        return bundle


def png_img(png: bytes, alt: str) -> str:
    encoded = base64.b64encode(bytes(png)).decode("ascii")
    return f'<img src="data:image/png;base64,{encoded}" alt="{alt}" style="max-width:100%">'
