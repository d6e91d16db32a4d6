"""A small table of a model's numbers as a lesson shows it: an HTML table where the page can show one (a
phone wraps each cell, not each row, so the columns stay columns; a screen reader reads each number with its
column's and its row's header), aligned plain text where it cannot (a terminal, a text-only export)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as escape_html

NUMBER_THEN_SPACE = re.compile(r"(\d) ")
NUMBER_THEN_DASH = re.compile(r"(\d[-–])(?=\w)")


def html_of(text: str) -> str:
    """HTML of the text, a number never split from the word after it, its unit ("0.0 / cm" on a phone), nor
    from what its dash joins it to ("4.5– / 5.4 kg", "2- / point")."""
    text = NUMBER_THEN_SPACE.sub("\\1\u00a0", escape_html(text))
    return NUMBER_THEN_DASH.sub("\\1\u2060", text)  # a word joiner: no line break after the dash


@dataclass(frozen=True)
class NumberTable:
    caption: str  # what the table shows: its name in a screen reader's list of tables
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each row's first cell names the row
    note: str = ""  # a line under the table (an assumption, a source)

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html_of(header)}</th>' for header in self.headers)
        body = "".join(f'<tr><th scope="row">{html_of(first)}</th>' + "".join(f"<td>{html_of(cell)}</td>" for cell in rest)
                       + "</tr>" for first, *rest in self.rows)
        note = f"<p>{html_of(self.note)}</p>" if self.note else ""
        # the page's own type size (JupyterLab draws tables at 12 px), columns as wide as their numbers
        return (f'<table class="upperback-numbers" style="font-size: inherit; table-layout: auto">'
                f"<caption>{html_of(self.caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
                f"</table>{note}")

    def __repr__(self) -> str:
        lines = (self.headers, *self.rows)
        widths = [max(len(line[column]) for line in lines) for column in range(len(self.headers))]
        text = [" | ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
        return "\n".join([self.caption, *text, self.note] if self.note else [self.caption, *text])
