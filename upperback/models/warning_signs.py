"""Warning signs that need a doctor, not a lesson, in two tiers.

Sources: the NHS patient pages on chest pain and back pain [NHSChestPain] [NHSBackPain], checked 2026; the
history-of-cancer flag is from NICE's clinical guidance [NICELowBackPain], not the NHS page. Written in our
own words.
"""

EMERGENCY = "emergency"
URGENT = "urgent"

TIER_HEADINGS = {
    EMERGENCY: "Emergency: if this is happening now, call an ambulance (999 in the UK, 112 in Europe, "
    "911 in North America); if it has happened on a run, see a doctor before you run again",
    URGENT: "Urgent: book a doctor's appointment for the same or the next day",
}

SIGNS = {
    EMERGENCY: (
        "Sudden chest pain that spreads to your arms, back, neck or jaw",
        ("Chest pain that makes your chest feel tight or heavy, or comes with breathlessness, sweating "
        "or feeling sick, or that lasts more than 15 minutes"),
        "Back pain with pain, tingling, weakness or numbness in both legs",
        ("Back pain with numbness around your genitals or buttocks, trouble peeing, "
        "or loss of bladder or bowel control"),
        "Back pain that started after a serious accident, such as a fall or a car crash",
    ),
    URGENT: (
        "Back pain with a high temperature (fever)",
        "Back pain with weight loss you did not try for",
        "A lump, a swelling or a change of shape in your back",
        "Pain that does not ease when you rest, or that is worse at night",
        "Back pain if you have had cancer (a warning sign in NICE's clinical guidance)",
    ),
}
