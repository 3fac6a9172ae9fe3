"""The ACLED event taxonomy, spelled exactly as in TAXONOMY.md."""
from __future__ import annotations

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in TAXONOMY.items() for sub in subs}


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to; KeyError for a name not in the taxonomy."""
    return EVENT_TYPE_OF[sub_event_type]


def is_valid(event_type: str, sub_event_type: str) -> bool:
    return EVENT_TYPE_OF.get(sub_event_type) == event_type
