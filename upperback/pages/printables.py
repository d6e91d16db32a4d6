"""Pages to print: a runner's one-page plan, the workshop's cue card, and a scoring key for each self-check.

Each is a standalone HTML page (no scripts, no web fonts, nothing fetched) sized for one A4 or Letter sheet.
They are built from the same data as the lessons (the registry, the self-checks, the warning signs), so a
page on paper never says something the notebook does not. The personal plan holds only what the runner's
own plan shows: likely causes, up to three cues, and the warning signs; never their answers or their log.
"""

from __future__ import annotations

from datetime import date
from html import escape

from upperback.models.course.lessons import BY_KEY, CAUSE_NAMES, CAUSES, LESSONS, SELF_CHECKS
from upperback.models.course.plan import Plan, most_points
from upperback.models.course.questions import SelfCheck
from upperback.models.course.selfcheck import cleared_sentence, sentence_case
from upperback.models.course.warning_signs import ACTIONS, SIGNS, TIER_HEADINGS, TIER_NAMES, TIERS
from upperback.models.records.experiment import Schedule

PAGE_CSS = """
@page { size: auto; margin: 8mm; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 10pt; line-height: 1.3; color: #222;
       margin: 1em auto; max-width: 52em; }
h1 { font-size: 15pt; margin: 0 0 0.3em; } h2 { font-size: 11pt; margin: 0.7em 0 0.2em; }
ul, ol { margin: 0.2em 0 0.3em; padding-left: 1.4em; } li { margin: 0.1em 0; }
.warning { border: 2px solid #D55E00; padding: 0.3em 0.6em; margin: 0.5em 0; }
.small { font-size: 8.5pt; } .columns { columns: 2; column-gap: 2em; }
.columns section { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 7pt; line-height: 1.15; }
th, td { border: 1px solid #888; padding: 0.1em 0.3em; text-align: left; vertical-align: top; }
th { background: #eee; }
"""

def page(title: str, body: str) -> str:
    """A standalone printable page."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{PAGE_CSS}</style></head><body>{body}</body></html>\n")


def _warning_signs_html(tiers=TIERS) -> str:
    """Each tier with its action and its signs in one line."""
    parts = []
    for tier in tiers:
        signs = "; ".join(sign[0].lower() + sign[1:] for sign in SIGNS[tier])
        parts.append(f"<li><b>{escape(TIER_HEADINGS[tier])}</b> — {escape(signs)}.</li>")
    return "<ul class='small'>" + "".join(parts) + "</ul>"


def plan_page(plan: Plan, made_on: date | None = None) -> str:
    """The runner's plan on one sheet: likely causes, up to three cues, the warning signs."""
    made_on = made_on or date.today()
    parts = [f"<h1>My plan for the upper back, {made_on:%d %B %Y}</h1>"]
    if plan.on_hold:  # the warning, its action and nothing that invites running
        actions = "".join(f"<li>{escape(ACTIONS[tier])}</li>" for tier in plan.warnings)
        parts.append(f"<div class='warning'><b>My plan is on hold: a warning sign came up in my answers or my "
                     f"run log.</b><ul>{actions}</ul></div>")
        parts.append("<h2>The warning signs</h2>" + _warning_signs_html(plan.warnings))
        parts.append("<p class='small'>Health education, not a diagnosis. Once a doctor has checked me and says I "
                     "can run, I record it in lesson 04 and print my plan again.</p>")
        return page("My plan for the upper back", "".join(parts))
    if plan.cleared:
        parts.append(f"<p class='small'>{escape(cleared_sentence(plan.doctor_check, plan.cleared))}</p>")
    if not plan.done:
        parts.append("<p>No self-checks done yet: do at least one, then print this page again.</p>")
    else:
        causes = ", ".join(CAUSE_NAMES[cause] for cause in plan.likely_causes) or "no single cause yet"
        parts.append(f"<h2>Most likely to contribute</h2><p>{escape(causes)}</p>")
        cues = "".join(f"<li>{escape(sentence_case(cue.text))} <span class='small'>"
                       f"({escape(cue.lesson_label)})</span></li>" for cue in plan.cues)
        parts.append(f"<h2>Try on my next three runs, one or two at a time</h2><ol>{cues}</ol>" if cues else "")
    parts.append("<h2>Mid-run: notice what you notice</h2><p>Shoulders · hands and elbows · breath · head and "
                 "upper back. After the run, one line in the check-in log (lesson 04).</p>")
    parts.append("<h2>Warning signs: these need a doctor, not a plan</h2>" + _warning_signs_html())
    parts.append("<p class='small'>Health education, not a diagnosis. Made on this computer from my own "
                 "self-checks; nothing was sent anywhere.</p>")
    return page("My plan for the upper back", "".join(parts))


def cue_card() -> str:
    """Every lesson's cues on one sheet, for a workshop: pick two, write them on the back."""
    parts = ["<h1>Cue card: pick two, try them on your next run</h1>"]
    for lesson in (entry for entry in LESSONS if entry.cause):
        cues = dict.fromkeys(option.cue for question in lesson.self_check.questions
                             for option in question.options if option.cue)
        items = "".join(f"<li>{escape(sentence_case(cue))}</li>" for cue in cues)
        parts.append(f"<section><h2>{escape(lesson.label.capitalize())}: {escape(lesson.cause_name)}</h2>"
                     f"<ul>{items}</ul></section>")
    parts = [parts[0], "<div class='columns'>", *parts[1:], "</div>"]
    parts.append("<h2>Stop and get checked instead</h2>" + _warning_signs_html())
    parts.append("<p>My two cues: ______________________________ and ______________________________</p>")
    return page("Cue card", "".join(parts))


def scoring_key(check: SelfCheck) -> str:
    """A self-check on paper, with what each answer scores and what to do next, for rooms without laptops."""
    lesson = BY_KEY[check.lesson]
    rows = []
    for number, question in enumerate(check.questions, start=1):
        for row, option in enumerate(question.options):
            points = ", ".join(f"{CAUSE_NAMES[cause]} +{weight}" for cause, weight in option.points.items())
            if option.warning:
                then = f"WARNING SIGN, {TIER_NAMES[option.warning]}: see above"
            else:
                then = option.cue or option.note or (question.watch if option.unsure else question.keep)
            asked = (f"<td rowspan='{len(question.options)}'>{number}. {escape(question.text)}</td>"
                     if row == 0 else "")  # the question once, beside all its answers
            rows.append(f"<tr>{asked}<td>{escape(option.text)}</td><td>{escape(points or '–')}</td>"
                        f"<td>{escape(then or 'read the lesson its points name')}</td></tr>")
    most = ", ".join(f"{CAUSE_NAMES[cause]} {most_points(check, cause)}" for cause in CAUSES
                     if most_points(check, cause))
    how = ("Add up the points for each cause. The plan (lesson 04) compares causes by their share: the points a "
           "cause got in all the checks done, divided by the most those checks could give it (from this check: "
           f"{most}). The largest share is the lesson to read first. A warning sign wins over every score: its "
           "action comes first and the lessons wait.")
    tiers = [tier for tier in TIERS if any(o.warning == tier for q in check.questions for o in q.options)]
    actions = "".join(f"<li><b>{escape(TIER_NAMES[tier]).capitalize()}:</b> {escape(ACTIONS[tier])}</li>"
                      for tier in tiers)
    warnings = f"<div class='warning small'>A warning-sign answer, first:<ul>{actions}</ul></div>" if tiers else ""
    return page(f"Scoring key: {check.title}",
                f"<h1>Scoring key, {escape(lesson.label)}: {escape(check.title)}</h1><p class='small'>{how}</p>"
                + warnings + "<table><colgroup><col style='width:13%'><col style='width:34%'>"
                "<col style='width:11%'><col style='width:42%'></colgroup>"
                "<tr><th>question</th><th>answer</th><th>points</th><th>next step</th></tr>"
                + "".join(rows) + "</table>")


def workshop_pages() -> dict[str, str]:
    """File name -> page: the cue card and a scoring key for every self-check."""
    pages = {"cue_card.html": cue_card()}
    pages.update({f"scoring_key_{check.lesson}.html": scoring_key(check) for check in SELF_CHECKS})
    return pages


def schedule_page(schedule: Schedule, change: str, started_on: date) -> str:
    """An experiment's schedule on one sheet: each run, with the change or as usual, and a box to tick."""
    rows = "".join(
        f"<tr><td>{planned.run_number}</td><td>{planned.pair_number}</td>"
        f"<td>{'<b>with the change</b>' if planned.with_change else 'as usual'}</td><td>☐ done &nbsp; ache: ____"
        "</td></tr>" for planned in (schedule.run(number) for number in range(1, schedule.runs + 1)))
    parts = [f"<h1>My experiment, started {started_on:%d %B %Y}</h1>",
             (f"<p>The change: <b>{escape(change)}</b>. {schedule.pairs} pairs of runs; in each pair a fair draw "
              "chose the run that uses the change. Keep to the plan, and check in after each run (lesson 06).</p>"),
             "<table><tr><th>run</th><th>pair</th><th>plan</th><th>after the run</th></tr>" + rows + "</table>",
             "<h2>Stop at once if a warning sign comes</h2>" + _warning_signs_html(),
             ("<p class='small'>A strong ache (7 out of 10 or more) on two runs pauses the experiment: get it "
              "looked at first. Health education, not a diagnosis.</p>")]
    return page("My experiment", "".join(parts))
