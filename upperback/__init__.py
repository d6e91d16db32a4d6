"""The package behind the upper-back lessons for runners, in folders by role (CONTRIBUTING.md has the map).

Each folder imports only the ones above it:
    models    plain numbers and functions: the body, the course's questions and plan, the runner's records
    storage   the runner's files on disk: answers, check-in log, imported runs
    figures   matplotlib drawings built from the models
    pages     printable pages
    widgets   ipywidgets wiring: explorers, self-checks, check-ins
    lessons   one façade per lesson (upperback.lessons.<key>): what the notebooks import, one call a cell
    delivery  how the course reaches people: the app, the kernel websocket, class links, handouts, commands
"""

__version__ = "0.1.0"
