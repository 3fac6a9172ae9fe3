"""EventMention[] -> Event[]: one event per real-world happening.

STUB: every mention becomes its own event; to be replaced by the real merge.
"""
from __future__ import annotations

from .records import Event, EventMention


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    return [Event(mentions=[m]) for m in mentions]
