"""Who to tell, in this kernel, when a store's contents change: the views elsewhere on the page that show
what it holds (lesson 05's explorers follow the runs you import; its chart follows your check-ins).

Each listener has a role ("lesson 05's arm pendulum"); a new listener of the same role replaces the old one.
Running a cell again makes new widgets, and the old ones stay alive in ipywidgets' own registry: keyed by
role, only the widget shown now is kept up to date, and the old one is let go instead of refreshed unseen.
"""

from __future__ import annotations

from collections.abc import Callable


class Listeners:
    def __init__(self) -> None:
        self._by_role: dict[str, Callable[[], None]] = {}

    def listen(self, role: str, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after each change, until another listener takes the same role."""
        self._by_role[role] = callback

    def tell(self) -> None:
        """Tell every listener; each is its own widget's business (its own message says what went wrong)."""
        for callback in list(self._by_role.values()):
            callback()

    def roles(self) -> list[str]:
        return list(self._by_role)
