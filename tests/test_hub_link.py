"""The class link (`make hub-link`): nbgitpuller's link form, for JupyterLab and for the app."""

from urllib.parse import parse_qs, urlsplit

import pytest

from upperback.delivery.class_links import LESSON_00, class_links, main

REPO = "https://github.com/coach/upperback-course"


def test_each_link_pulls_the_course_and_opens_lesson_00_in_its_view():
    links = class_links("https://hub.example.org/", REPO)
    for view, prefix in (("JupyterLab", "lab/tree"), ("app", "voila/render")):
        parts = urlsplit(links[view])
        assert parts.netloc == "hub.example.org" and parts.path == "/hub/user-redirect/git-pull"
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert query == {"repo": REPO, "branch": "main", "targetpath": "upperback-course",
                         "urlpath": f"{prefix}/upperback-course/{LESSON_00}"}


@pytest.mark.parametrize("hub, repository", [("hub.example.org", REPO), ("https://hub.example.org", "upperback")])
def test_an_address_that_is_not_one_is_refused_in_words(hub, repository):
    with pytest.raises(ValueError, match="must start with https://"):
        class_links(hub, repository)


def test_the_command_says_what_is_missing(capsys):
    assert main(["https://hub.example.org", ""]) == 2
    assert "REPO=" in capsys.readouterr().err
    assert main([]) == 2
    assert "HUB=" in capsys.readouterr().err
    assert main(["https://hub.example.org", REPO]) == 0
    assert class_links("https://hub.example.org", REPO)["app"] in capsys.readouterr().out
