"""Links for a class on a JupyterHub: one nbgitpuller link pulls the lessons into each learner's home and
opens lesson 00, in JupyterLab or as the code-free app (where the hub has Voilà).

    python -m upperback.hub https://hub.example.org [repository]      (or: make hub-link HUB=…)

nbgitpuller never overwrites a file a learner has changed: when the course changes a lesson the learner
edited, the learner keeps their copy (the guide says how to get the new one).
"""

from __future__ import annotations

import sys
from urllib.parse import urlencode, urlsplit

LESSON_00 = "notebooks/00_start_here.ipynb"
FOLDER = "upperback-course"  # the folder the lessons are pulled into, in each learner's home


def class_links(hub: str, repository: str, branch: str = "main", folder: str = FOLDER) -> dict[str, str]:
    """The class's links by view ("JupyterLab", "app"); ValueError in words for an address that is not one."""
    for name, address in (("hub", hub), ("repository", repository)):
        parts = urlsplit(address)
        if not (parts.scheme in ("https", "http", "file") and (parts.netloc or parts.scheme == "file")):
            raise ValueError(f"The {name} address must start with https:// (or http://), not {address!r}.")
    pull = {"repo": repository, "branch": branch, "targetpath": folder}
    start = f"{hub.rstrip('/')}/hub/user-redirect/git-pull?"
    return {"JupyterLab": start + urlencode({**pull, "urlpath": f"lab/tree/{folder}/{LESSON_00}"}),
            "app": start + urlencode({**pull, "urlpath": f"voila/render/{folder}/{LESSON_00}"})}


def main(arguments: list[str]) -> int:
    hub, repository = [*arguments, "", ""][:2]
    if not hub:
        print("Give the hub's address: make hub-link HUB=https://hub.example.org", file=sys.stderr)
        return 2
    if not repository:
        print("This folder has no git remote to pull from: add REPO=<the course repository's address>.",
              file=sys.stderr)
        return 2
    try:
        links = class_links(hub, repository)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    for view, link in links.items():
        print(f"{view}:\n  {link}")
    return 0
