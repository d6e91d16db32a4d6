"""Warning signs that need a doctor, not a lesson, in three tiers, each with what to do.

Sources: the NHS patient pages on chest pain, angina and back pain [NHSChestPain] [NHSAngina] [NHSBackPain],
checked 2026; the lung signs are on the NHS chest-pain page; the history-of-cancer flag is from NICE's
clinical guidance [NICELowBackPain], not the NHS page. Written in our own words.

A warning always wins over any other answer: the self-check and the plan show its action first and put the
lessons' cues on hold.
"""

EMERGENCY = "emergency"
EFFORT = "effort"  # pain that comes with effort and eases with rest: the pattern of angina
URGENT = "urgent"
TIERS = (EMERGENCY, EFFORT, URGENT)  # most serious first

TIER_HEADINGS = {
    EMERGENCY: "Emergency: if this is happening now, call an ambulance (999 in the UK, 112 in Europe, "
    "911 in North America); if it has happened on a run, see a doctor before you run again",
    EFFORT: "Stop and rest. If it goes within a few minutes, book an urgent doctor's appointment and do not "
    "run again until you have been checked; if it does not go within a few minutes, call an ambulance",
    URGENT: "Urgent: book a doctor's appointment for the same or the next day",
}

# What to do, in one sentence, where a plan would otherwise say which lesson to read first.
ACTIONS = {
    EMERGENCY: "Get emergency help or see a doctor before you run again; the lessons can wait.",
    EFFORT: "See a doctor soon, and before your next run: an ache that comes with effort and eases within "
    "minutes of rest is usually muscles, but it is also how heart pain (angina) can feel, and only a doctor "
    "can tell which.",
    URGENT: "Book a doctor's appointment for today or tomorrow; the lessons can wait until you have been "
    "checked.",
}

SIGNS = {
    EMERGENCY: (
        "Sudden chest pain that spreads to your arms, back, neck or jaw",
        ("Chest pain that makes your chest feel tight or heavy, or comes with breathlessness, sweating "
         "or feeling sick, or that lasts more than 15 minutes"),
        "Sudden sharp pain in the chest or upper back that is worse when you breathe in",
        "Sudden breathlessness, or coughing up blood",
        "Back pain with pain, tingling, weakness or numbness in both legs",
        ("Back pain with numbness around your genitals or buttocks, trouble peeing, "
         "or loss of bladder or bowel control"),
        "Back pain that started after a serious accident, such as a fall or a car crash",
    ),
    EFFORT: (
        ("Pain, tightness or pressure in the chest, neck, shoulders, jaw, arms or back (between the shoulder "
         "blades too) that comes on with effort, cold or stress and eases within a few minutes of rest; "
         "women more often feel it in the shoulders and mid-back"),
    ),
    URGENT: (
        "Back pain with a high temperature (fever)",
        "Back pain with weight loss you did not try for",
        "A lump, a swelling or a change of shape in your back",
        "Pain that does not ease when you rest, or that is worse at night",
        "Back pain if you have had cancer (a warning sign in NICE's clinical guidance)",
    ),
}
