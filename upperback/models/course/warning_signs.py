"""Warning signs that need a doctor, not a lesson, in three tiers, each with what to do.

Sources: the NHS patient pages on chest pain, angina, back pain and aortic dissection [NHSChestPain]
[NHSAngina] [NHSBackPain] [NHSAorticDissection], checked 2026; the lung signs are on the NHS chest-pain page;
the history-of-cancer flag is from NICE's clinical guidance [NICELowBackPain]; the age, steroid and
osteoporosis flags from the international red-flag framework for the spine [Finucane2020]. Written in our own
words. The chest-pain sign is a cold sweat, since every runner is damp with effort.

A warning always wins over any other answer: the self-checks, the check-ins, the plan, the log's summary
and every printout show its action first and put the lessons' cues on hold. Lesson 00's warning-sign
section is this module's text (``lesson_00_markdown``; a test holds the notebook to it), so the lesson and
the self-checks can never disagree about a sign or what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EMERGENCY = "emergency"
EFFORT = "effort"  # pain that comes with effort and eases with rest: the pattern of angina
URGENT = "urgent"
TIERS = (EMERGENCY, EFFORT, URGENT)  # most serious first
TIER_NAMES = {EMERGENCY: "emergency", EFFORT: "effort (angina pattern)", URGENT: "urgent"}

AMBULANCE_NUMBERS = "999 in the UK, 112 in Europe, 911 in North America"
AMBULANCE = f"call an ambulance ({AMBULANCE_NUMBERS})"
URGENT_APPOINTMENT = ("an urgent doctor's appointment for the same or the next day (or call 111 in England, or "
                      "your local urgent health line)")

TIER_HEADINGS = {
    EMERGENCY: f"Emergency: {AMBULANCE} now",
    EFFORT: f"Stop and rest. If it eases within a few minutes, get {URGENT_APPOINTMENT} and do not run again until "
    f"you have been checked; if it does not ease within a few minutes, {AMBULANCE}",
    URGENT: f"Urgent: get {URGENT_APPOINTMENT}",
}

# What to do, in plain words, where the sign was reported after the fact (a self-check, a check-in). The
# emergency signs stay emergencies even when they have eased; only chest pain that came and went without any
# of their features is routed to an urgent appointment or 111 (the effort tier), as the NHS routes it.
ACTIONS = {
    EMERGENCY: f"Call an ambulance ({AMBULANCE_NUMBERS}) or go to A&E now, even if it has eased. Do not run again "
    "until you have been checked; the lessons can wait.",
    EFFORT: f"Pain or pressure that comes with effort and eases within minutes of rest is often muscles, but it is "
    f"also how heart pain (angina) can feel, and only a doctor can tell which: get {URGENT_APPOINTMENT} now, "
    f"and do not run again until you have been checked. If it is there now and does not ease within a few "
    f"minutes of rest, {AMBULANCE}.",
    URGENT: f"Get {URGENT_APPOINTMENT}; the lessons can wait until you have been checked.",
}


@dataclass(frozen=True)
class Sign:
    key: str  # how the self-checks and the check-in name it
    tier: str
    text: str


SIGN_LIST = (
    Sign("chest_spreading", EMERGENCY, "Sudden chest pain that spreads to your arms, back, neck or jaw"),
    Sign("chest_heavy", EMERGENCY, "Chest pain that makes your chest feel tight or heavy, or comes with "
         "breathlessness, a cold sweat or feeling sick, or that lasts more than 15 minutes"),
    Sign("tearing", EMERGENCY, "Sudden, severe pain in the chest or between the shoulder blades that feels "
         "tearing or ripping"),
    Sign("breathing_in", EMERGENCY, "Sudden sharp pain in the chest or upper back that is worse when you "
         "breathe in"),
    Sign("breathless_blood", EMERGENCY, "Sudden breathlessness, or coughing up blood"),
    Sign("both_legs", EMERGENCY, "Back pain with pain, tingling, weakness or numbness in both legs"),
    Sign("bladder_bowel", EMERGENCY, "Back pain with numbness around your genitals or buttocks, trouble "
         "peeing, or loss of bladder or bowel control"),
    Sign("accident", EMERGENCY, "Back pain that started after a serious accident, such as a hard fall or a car "
         "or bike collision"),
    Sign("effort", EFFORT, "Pain, tightness or pressure in the chest, neck, shoulders, jaw, arms or back "
         "(between the shoulder blades too) that comes on with effort, cold or stress and eases within a few "
         "minutes of rest; women more often feel it in the shoulders and mid-back"),
    Sign("chest_came_and_went", EFFORT, "Chest pain that came and went, with none of the emergency signs above"),
    Sign("fever", URGENT, "Back pain with a high temperature (fever)"),
    Sign("weight_loss", URGENT, "Back pain with weight loss you did not try for"),
    Sign("lump", URGENT, "A lump, a swelling or a change of shape in your back"),
    Sign("rest_or_night", URGENT, "Pain that does not ease when you rest, or that is worse at night"),
    Sign("cancer", URGENT, "Back pain if you have had cancer (a warning sign in NICE's clinical guidance)"),
    Sign("age", URGENT, "New upper-back pain that first started when you were under 20 or over 50"),
    Sign("steroids_bones", URGENT, "Back pain if you take steroid tablets long-term or have osteoporosis "
         "(thin, fragile bones)"),
)
SIGNS_BY_KEY = {sign.key: sign for sign in SIGN_LIST}
SIGNS = {tier: tuple(sign.text for sign in SIGN_LIST if sign.tier == tier) for tier in TIERS}


@dataclass(frozen=True)
class DoctorCheck:
    """The runner's word that a doctor checked them for these tiers of warning sign and said they can run."""

    on: date
    tiers: tuple[str, ...]
    signs: tuple[str, ...] = ()  # the signs of the self-checks the doctor saw: a new one is not covered

    @property
    def words(self) -> str:
        return f"checked by a doctor on {self.on:%d %B %Y}"


def most_serious(tiers) -> tuple[str, ...]:
    """Tiers without repeats, most serious first."""
    return tuple(sorted(set(tiers), key=TIERS.index))


def tier_of(signs) -> str:
    """The most serious tier among these signs (keys of SIGNS_BY_KEY)."""
    return next(iter(most_serious(SIGNS_BY_KEY[sign].tier for sign in signs)))


LESSON_00_INTRO = {
    EMERGENCY: f"**Get emergency help now**: {AMBULANCE}, if you have:",
    EFFORT: "**Stop and rest, then get checked before your next run**, if you have:",
    URGENT: f"**Get {URGENT_APPOINTMENT}** if you have:",
}
LESSON_00_AFTER = {
    EMERGENCY: "Call even if it has eased by the time you read this: these signs stay emergencies.",
    EFFORT: "It is often muscles, but it is also how pain from the heart (angina) can feel. If it eases within a "
    f"few minutes, get {URGENT_APPOINTMENT} and do not run again until you have been checked; if it does not ease "
    f"within a few minutes of rest, {AMBULANCE}. **Do not test it** on purpose on a hill or a fast stretch: if it "
    "happens, stop.",
    URGENT: "",
}


def lesson_00_markdown() -> str:
    """Lesson 00's lists of warning signs, tier by tier, as the lesson's markdown shows them."""
    parts = []
    for tier in TIERS:
        items = "\n".join(f"- {sign[0].lower() + sign[1:]};" for sign in SIGNS[tier])
        parts.append(f"{LESSON_00_INTRO[tier]}\n{items[:-1]}.")
        if LESSON_00_AFTER[tier]:
            parts.append(LESSON_00_AFTER[tier])
    return "\n\n".join(parts)
