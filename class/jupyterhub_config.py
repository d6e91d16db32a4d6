# A local class on one machine (`make class`): JupyterHub on 127.0.0.1 only, learners sign in with any name
# and the class password, each gets a server, a home and a course data folder of their own, and the class
# link (make hub-link) pulls the lessons into that home with nbgitpuller. For a real class, see the guide's
# "Teaching a class on a hub" (The Littlest JupyterHub, Zero to JupyterHub).
# Settings come from the environment that `make class` (or the class test) sets:
#   UPPERBACK_CLASS_DIR       where the hub keeps its database, secrets and the learners' homes
#   UPPERBACK_CLASS_PASSWORD  the password every learner signs in with
#   UPPERBACK_CLASS_PORT      the port of the hub's address, http://127.0.0.1:PORT/
import os
import subprocess
import sys
from pathlib import Path

from upperback.delivery.ports import LearnerPorts, free_port

c = get_config()  # noqa: F821 (JupyterHub provides it)
here = Path(__file__).resolve().parent
course = here.parent
state = Path(os.environ["UPPERBACK_CLASS_DIR"])
state.mkdir(parents=True, exist_ok=True)

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("UPPERBACK_CLASS_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = free_port({c.JupyterHub.port})  # inner ports chosen free: a class and its test never collide
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{free_port({c.JupyterHub.port})}"
c.ConfigurableHTTPProxy.command = [str(course / "node_modules" / ".bin" / "configurable-http-proxy")]

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["UPPERBACK_CLASS_PASSWORD"]
c.Authenticator.allow_all = True

# One process per learner, as this machine's user: fine on one machine for a class; a real hub gives each
# learner their own account or container.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "homes" / "{username}")
# through the course's start script, which points Jupyter at the app's templates and settings (as on Binder)
c.Spawner.cmd = [str(course / "start"), str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--ServerApp.allow_root=True", "--LabApp.news_url=None"]
c.Spawner.default_url = "/lab"
# each learner's server on a port no kernel can take from it first (why: upperback/delivery/ports.py)
c.Spawner.pre_spawn_hook = LearnerPorts()
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# matplotlib's font list, built once here and shared: built per learner it costs each a second or two of CPU
fonts = state / "matplotlib"
subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], check=True,
               env={**os.environ, "MPLCONFIGDIR": str(fonts)})
c.Spawner.environment = {
    # each learner's answers and log in their own home; a lighter server (class/jupyter-config: no language
    # servers, terminals or RISE) so ten start at once
    "UPPERBACK_DATA_DIR": lambda spawner: str(Path(spawner.home_dir) / "upperback-data"),
    "JUPYTER_CONFIG_PATH": str(here / "jupyter-config"),
    "MPLCONFIGDIR": str(fonts),
}
