"""A class on a local JupyterHub, as `make class` starts it (127.0.0.1 only, the class password,
configurable-http-proxy from npm, nbgitpuller pulling from a local copy of this repository: no network).
Five learners sign in at once, follow the class link, run lesson 00 in their own pulled copy and save a
self-check; each one's answers must be in their own data folder and nobody else's. A class of ten, how long
it takes and how much memory each learner needs, is the benchmark's (`make bench`), not asserted here."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.browser import move_each_slider
from harness.class_hub import PASSWORD, Learner, attend, class_hub
from upperback.delivery.class_links import FOLDER, LESSON_00, class_links
from upperback.models.course.lessons import BY_KEY

LEARNERS = 5  # at once: enough to share the hub, the proxy and the puller; ten are the benchmark's

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with class_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running


@pytest.fixture(scope="module")
def attended(hub):
    base, repository, homes = hub
    learners = [Learner(f"runner{number}", homes / f"runner{number}", number) for number in range(LEARNERS)]
    with ThreadPoolExecutor(LEARNERS) as pool:
        return list(pool.map(lambda learner: attend(base, repository, learner), learners))


def test_every_learner_ran_lesson_00_in_their_own_pulled_copy(attended):
    for learner in attended:
        assert learner.errors == [], f"{learner.name}: {learner.errors}"
        assert (learner.home / "upperback-course" / "notebooks" / "00_start_here.ipynb").is_file()


def test_every_learners_answers_stay_in_their_own_data_folder(attended):
    """Learner i picked option i of each question (modulo its length): each file holds exactly its owner's."""
    questions = BY_KEY["start_here"].self_check.questions
    for learner in attended:
        saved = json.loads((learner.home / "upperback-data" / "answers.json").read_text())
        assert list(saved["lessons"]) == ["start_here"]
        expected = {question.key: question.options[learner.choice % len(question.options)].key
                    for question in questions}
        assert saved["lessons"]["start_here"]["answers"] == expected, learner.name


@pytest.mark.browser
def test_the_app_link_opens_lesson_00_with_no_code_and_nothing_from_outside(hub, page):
    """A learner who never wants to see code signs in and follows the class's app link in a browser: the lessons
    are pulled and lesson 00 opens as the app, its explorer live, with no request off this machine (`page`)."""
    base, repository, homes = hub
    page.goto(f"{base}/hub/login")
    page.locator("#username_input").fill("runner-app")
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.wait_for_url(f"{base}/hub/**")
    page.goto(class_links(base, repository)["app"])
    page.wait_for_selector("#rendered_cells", state="visible", timeout=180_000)
    assert "from upperback" not in page.locator("#rendered_cells").inner_text()
    explorer = page.locator(".upperback-explorer").first
    explorer.scroll_into_view_if_needed()
    move_each_slider(page, explorer, unchanged="() => location.href")
    assert (homes / "runner-app" / FOLDER / LESSON_00).is_file(), "the lessons were pulled into the learner's home"
