"""The ACLED event taxonomy, spelled exactly as in TAXONOMY.md."""
from __future__ import annotations

from typing import Iterable

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


# Sub-types whose definition names the weapon used (TAXONOMY.md: shelling, air strike, suicide bomb,
# remote explosive, grenade, chemical weapon): a sentence meets one only where it names that weapon
# (a lemma or a lower-cased word).
_EXPLOSIVE = {"bomb", "bomber", "bombing", "explosive", "explosives", "blast", "explosion", "explode", "detonate",
              "detonation", "ied", "ieds", "car-bomb"}
WEAPON_WORDS: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset(_EXPLOSIVE | {"suicide"}),
    "Remote explosive/landmine/IED": frozenset(_EXPLOSIVE | {"mine", "landmine", "landmines", "device", "booby", "booby-trapped"}),
    "Grenade": frozenset({"grenade", "grenades"}),
    "Air/drone strike": frozenset({"airstrike", "airstrikes", "air", "aerial", "drone", "drones", "warplane", "jet", "aircraft",
                                   "plane", "helicopter", "gunship", "bomber", "bomb", "bombing", "bombard", "bombardment"}),
    "Shelling/artillery/missile attack": frozenset({"shell", "shelling", "artillery", "mortar", "rocket", "missile", "barrage",
                                                    "howitzer", "bombard", "bombardment", "projectile", "katyusha"}),
    "Chemical weapon": frozenset({"chemical", "gas", "sarin", "chlorine", "toxic", "poison", "nerve", "mustard"}),
}


def names_weapon_of(sub_event_type: str, words: Iterable[tuple[str, str]]) -> bool:
    """Whether ``words`` ((lemma, lower-cased form) pairs) can meet ``sub_event_type``'s definition:
    True for a sub-type not defined by a weapon, else whether one of its weapons is named."""
    want = WEAPON_WORDS.get(sub_event_type)
    if not want:
        return True
    return any(lemma.lower() in want or lower in want for lemma, lower in words)
