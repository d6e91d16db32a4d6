import pytest

from harness.self_checks import every_option, quiet_answers
from upperback.models.course.arm_carriage_check import (
    ARM_CARRIAGE_CHECK,
    DROP_SHOULDERS,
    SHAKE_OUT,
    SOFT_ELBOWS,
)
from upperback.models.course.lessons import SELF_CHECKS
from upperback.models.course.questions import Option, Question, SelfCheck
from upperback.models.course.selfcheck import combine_verdicts, score_answers, verdict_sentences
from upperback.models.course.start_here_check import START_HERE_CHECK


def answers(**chosen):
    return chosen


def start_here(**chosen):
    """Lesson 00's answers, with "none of these" for the question about signs that came with the ache."""
    return {"with_it": "none", **chosen}


def test_an_ache_between_the_blades_that_comes_with_tiredness_points_to_posture():
    verdict = score_answers(START_HERE_CHECK, start_here(where="between_blades", when="tired", how_long="fades"))
    assert verdict.likely_causes == ("posture",)
    assert verdict.scores == {"arms": 1, "breathing": 0, "posture": 4}
    assert any("tiredness" in reason for reason in verdict.reasons["posture"])
    assert verdict.warnings == ()


def test_an_ache_that_comes_when_speeding_up_is_never_only_a_breathing_habit():
    verdict = score_answers(START_HERE_CHECK, start_here(where="around_ribs", when="faster", how_long="next_day"))
    assert verdict.warnings == ("effort",)
    assert verdict.likely_causes == ("breathing",)
    sentences = verdict_sentences(verdict)
    assert "angina" in sentences[0] and "for the same or the next day" in sentences[0]
    assert "do not run again until you have been checked" in sentences[0]
    assert not any(sentence.startswith(("Your answers point", "Next step")) for sentence in sentences)
    assert "not a diagnosis" in sentences[-1]


def test_shoulder_tops_from_the_first_minutes_points_to_the_arms_and_names_both_reasons():
    verdict = score_answers(START_HERE_CHECK, start_here(where="shoulder_tops", when="early", how_long="fades"))
    assert verdict.likely_causes == ("arms",)
    sentences = " ".join(verdict_sentences(verdict))
    assert "shoulders that creep up" in sentences and "tension carried into the run" in sentences
    assert "lesson 01" in sentences
    assert "Some answers also point to how you breathe" in sentences


def test_a_tie_names_every_cause_at_the_top():
    verdict = score_answers(START_HERE_CHECK, start_here(where="around_ribs", when="tired", how_long="fades"))
    assert verdict.likely_causes == ("breathing", "posture")


def test_answers_that_point_nowhere_say_so_and_still_are_not_a_diagnosis():
    verdict = score_answers(START_HERE_CHECK, start_here(where="elsewhere", when="no_pattern", how_long="fades"))
    assert verdict.likely_causes == ()
    sentences = verdict_sentences(verdict)
    assert "do not point to one cause" in sentences[0]
    assert any("check-in of lesson 04" in sentence for sentence in sentences)  # what "no pattern" leads to
    assert "not a diagnosis" in sentences[-1]


def test_warning_sign_answers_are_reported_most_serious_first():
    verdict = score_answers(
        START_HERE_CHECK, start_here(where="chest_spreading", when="faster", how_long="rest_or_night")
    )
    assert verdict.warnings == ("emergency", "effort", "urgent")
    sentences = verdict_sentences(verdict)
    assert sentences[0].startswith("Call an ambulance") and "even if it has eased" in sentences[0]


def test_an_unanswered_question_is_named_in_the_message():
    with pytest.raises(ValueError, match="When in a run does it start"):
        score_answers(START_HERE_CHECK, start_here(where="around_ribs", how_long="fades"))


def test_an_answer_that_is_not_an_option_is_refused_in_words():
    with pytest.raises(ValueError, match="not one of the answers"):
        score_answers(START_HERE_CHECK, start_here(where="knee", when="early", how_long="fades"))


def test_verdicts_of_several_lessons_add_up():
    first = score_answers(START_HERE_CHECK, start_here(where="around_ribs", when="early", how_long="fades"))
    second = score_answers(START_HERE_CHECK, start_here(where="between_blades", when="tired",
                                                        how_long="rest_or_night"))
    combined = combine_verdicts({"a": first, "b": second})
    assert combined.scores == {"arms": 3, "breathing": 2, "posture": 4}
    assert combined.likely_causes == ("posture",)
    assert combined.warnings == ("urgent",)


def test_an_option_must_explain_why_it_points_somewhere():
    with pytest.raises(ValueError, match="gives no reason"):
        Option("x", "text", points={"arms": 1})


def test_the_registry_refuses_an_option_that_points_to_a_cause_no_lesson_teaches():
    from dataclasses import replace

    from upperback.models.course.lessons import LESSONS, check_registry

    knees = SelfCheck("arm_carriage", "t", (Question("q", "q?", (Option("x", "text", {"knees": 1}, "r"),)),))
    with pytest.raises(ValueError, match="unknown causes"):
        check_registry((LESSONS[0], replace(LESSONS[1], self_check=knees), *LESSONS[2:]))


def test_a_shrugging_clenching_runner_is_pointed_to_the_matching_cues():
    verdict = score_answers(ARM_CARRIAGE_CHECK, answers(
        shrug="often", elbow="clenched", crossing="beside", fists="rarely", carrying="no", shake_out="not_tried"))
    assert verdict.likely_causes == ("arms",)
    assert verdict.scores["arms"] == 6
    assert verdict.cues == (DROP_SHOULDERS, SOFT_ELBOWS)  # the two strongest habits: the lesson says pick two
    assert SHAKE_OUT not in verdict.cues
    assert "Next step: At each kilometre marker" in " ".join(verdict_sentences(verdict))


def test_a_relaxed_runner_gets_no_cues_and_no_cause():
    verdict = score_answers(ARM_CARRIAGE_CHECK, answers(
        shrug="rarely", elbow="right_angle", crossing="beside", fists="rarely", carrying="no",
        shake_out="no_change"))
    assert verdict.likely_causes == () and verdict.cues == ()
    sentences = verdict_sentences(verdict)
    assert sentences[0].startswith("Your arms sound relaxed")
    assert any(sentence.startswith("Keep it up:") for sentence in sentences)


def test_lesson_self_checks_have_five_to_eight_questions():
    for check in SELF_CHECKS[1:]:  # lesson 00's check is four short questions by design
        assert 5 <= len(check.questions) <= 8, check.lesson


def test_every_question_of_every_self_check_has_distinct_option_keys():
    assert len({check.lesson for check in SELF_CHECKS}) == len(SELF_CHECKS)
    for check in SELF_CHECKS:
        assert isinstance(check, SelfCheck)
        keys = [question.key for question in check.questions]
        assert len(keys) == len(set(keys))
        for question in check.questions:
            assert isinstance(question, Question)
            option_keys = [option.key for option in question.options]
            assert len(option_keys) == len(set(option_keys)), question.key


def test_an_upper_chest_breather_who_aches_when_speeding_up_is_sent_to_a_doctor_before_any_cue():
    from upperback.models.course.breathing_check import BREATHE_LOW, BREATHING_CHECK

    verdict = score_answers(BREATHING_CHECK, answers(
        where_breath="upper_chest", easy_pace="chatting", speed_up="yes", neck_tension="no",
        hands_check="belly", rhythm="steady", sore_ribs="no"))
    assert verdict.likely_causes == ("breathing",)
    assert verdict.scores["breathing"] == 3, "the effort answer is a warning sign and scores no breathing points"
    assert verdict.cues == (BREATHE_LOW,) and verdict.warnings == ("effort",)
    assert not any("Next step" in sentence for sentence in verdict_sentences(verdict))


def test_short_sentences_are_not_an_easy_pace_and_get_the_ease_off_cue():
    from upperback.models.course.breathing_check import BREATHING_CHECK, EASE_PACE

    verdict = score_answers(BREATHING_CHECK, answers(
        where_breath="low", easy_pace="short_sentences", speed_up="no", neck_tension="no",
        hands_check="belly", rhythm="steady", sore_ribs="no"))
    assert verdict.cues == (EASE_PACE,) and verdict.scores["breathing"] == 1


def test_a_runner_who_slumps_and_holds_one_position_is_pointed_to_changing_it_up():
    from upperback.models.course.posture_check import CHANGE_IT_UP, POSTURE_CHECK, RUN_TALL

    verdict = score_answers(POSTURE_CHECK, answers(
        slump="often", gaze="ahead", held="yes", builds="yes", change_helps="eases", day="little"))
    assert verdict.likely_causes == ("posture",)
    assert verdict.scores["posture"] == 9
    assert verdict.cues == (RUN_TALL, CHANGE_IT_UP)


@pytest.mark.parametrize(("check", "question", "option"), every_option())
def test_every_answer_leads_to_one_specific_next_step(check, question, option):
    from upperback.models.course.lessons import BY_KEY, CAUSE_LESSONS
    from upperback.models.course.warning_signs import ACTIONS

    verdict = score_answers(check, quiet_answers(check) | {question.key: option.key})
    sentences = verdict_sentences(verdict)
    said = " ".join(sentences)
    if option.warning:
        assert sentences[0] == ACTIONS[option.warning] and "Next step" not in said
    elif option.cue:
        assert f"Next step: {option.cue[0].upper()}{option.cue[1:]}" in sentences
    elif option.note:
        assert option.note in sentences
    elif option.unsure:
        assert question.watch and f"Watch on your next run: {question.watch[0].upper()}" in said
    elif option.points:  # lesson 00: the next step is the lesson to read first
        assert any(CAUSE_LESSONS[cause].label in said for cause in option.points)
    else:
        assert question.keep and question.keep in verdict.keep
    assert said.endswith("not a diagnosis.")
    assert len(verdict.cues) <= BY_KEY[check.lesson].cues_to_pick


@pytest.mark.parametrize("check", SELF_CHECKS[1:], ids=lambda check: check.lesson)
def test_a_runner_with_every_habit_gets_no_more_cues_than_the_lesson_asks_to_pick(check):
    from upperback.models.course.lessons import BY_KEY

    worst = {q.key: max(q.options, key=lambda o: (not o.warning, sum(o.points.values()))).key
             for q in check.questions}
    sentences = verdict_sentences(score_answers(check, worst))
    assert 1 <= sum(sentence.startswith("Next step") for sentence in sentences) <= BY_KEY[check.lesson].cues_to_pick
