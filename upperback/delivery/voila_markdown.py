"""The code-free app (Voilà): the lessons' diagrams put inside the page.

Voilà inlines a markdown image by looking its address up from the server's root folder, not from the
notebook's, so the lessons' ``../assets/…`` diagrams would be "outside root contents directory" and the page
would never finish. ``app/config/jupyter_server_config.json`` names this renderer instead: a lesson's own
diagram comes from the installed course (``upperback.diagrams``, the repository's assets folder), so the app
works wherever the lessons were copied to; any other image keeps its address and never stops the page.

A diagram drawn for a phone too (``<name>-narrow.svg`` beside it: all of them) comes as a ``<picture>``: a
screen narrower than NARROW_SCREEN_BELOW_PX shows the narrow drawing, whose words keep their size there; the ``<img>``
inside, with the alt text, is the same as before.
"""

from __future__ import annotations

from nbconvert.filters.markdown_mistune import IPythonRenderer
from tornado.web import HTTPError
from voila.exporter import VoilaMarkdownRenderer

from upperback.delivery.lesson_files import lesson_diagram
from upperback.figures.assets import NARROW_SUFFIX
from upperback.figures.rendering import data_uri
from upperback.figures.style import NARROW_SCREEN_BELOW_PX


class CourseMarkdown(VoilaMarkdownRenderer):
    def image(self, text: str, url: str, title: str | None = None) -> str:
        diagram = lesson_diagram(url)
        if diagram is not None:
            img = IPythonRenderer.image(self, text, data_uri(diagram), title)
            narrow = diagram.with_name(diagram.name.replace(".svg", NARROW_SUFFIX))
            if not narrow.is_file():
                return img
            return (f'<picture><source media="(max-width: {NARROW_SCREEN_BELOW_PX - 1}px)" srcset="{data_uri(narrow)}">'
                    f"{img}</picture>")
        try:
            return super().image(text, url, title)
        except HTTPError:  # outside the served folder: leave the address alone rather than stall the page
            return IPythonRenderer.image(self, text, url, title)
