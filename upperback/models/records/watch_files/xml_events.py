"""What TCX and GPX share: XML read as a stream of events, elements matched by their local names (namespaces
vary from watch to watch), and times."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from upperback.models.records.watch_files.run import RunFileError


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child_named(element, name: str):
    return next((child for child in element if local_name(child.tag) == name), None)


def text_at(element, *path: str) -> str | None:
    for name in path:
        if element is None:
            return None
        element = child_named(element, name)
    return element.text.strip() if element is not None and element.text else None


def texts_by_name(element) -> dict[str, str]:
    """The text of every element in ``element`` by local name, the first of each name, in one pass: a
    16-hour GPX has 57,600 points (one a second), each looked into once."""
    texts: dict[str, str] = {}
    for node in element.iter():
        name = node.tag[node.tag.rfind("}") + 1:]
        if name not in texts:
            texts[name] = node.text.strip() if node.text else ""
    return texts


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z as UTC
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def xml_events(data: bytes, name: str):
    """The XML file's root element's local name and the stream of its (event, element) pairs that follow;
    RunFileError when the file is not well-formed."""
    events = ET.iterparse(io.BytesIO(data), events=("start", "end"))
    try:
        _, root = next(events)
    except ET.ParseError as problem:
        raise not_well_formed(name, problem) from None
    return local_name(root.tag), events


def not_well_formed(name: str, problem: ET.ParseError) -> RunFileError:
    return RunFileError(f"{name}: the file is not well-formed XML ({problem}); nothing imported.")
