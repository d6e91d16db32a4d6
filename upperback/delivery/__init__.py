"""How the course reaches people: the app's markdown, the kernel websocket, class links, handouts and
the command-line tools."""
