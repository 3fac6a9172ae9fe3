"""What the checks on public sets share: their JSON Lines files and the two halves of a set.

A document is in the ``study`` half (rules may be tuned there) when the md5 of its id, read as
a number, is even, else in the ``holdout`` half (reported, never studied).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def half_of(doc_id: str) -> str:
    """'study' or 'holdout': the parity of the md5 of the document id."""
    return "study" if int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "holdout"


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a JSON Lines file (blank lines skipped); ValueError naming ``FILE#LINE`` for a bad one."""
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}#{n}: not JSON ({e.msg})") from None
    return rows


def print_scores(scores: dict, json_out: str | None = None) -> None:
    """A check's scores a line each (``name  value``, with ``(of N)`` where an ``n_name`` key gives the
    count it is a share of), and the whole dict as JSON to ``json_out`` when given."""
    for k, v in scores.items():
        if not k.startswith("n_"):
            n = scores.get(f"n_{k}")
            print(f"{k:22s} {v}" + (f"  (of {n})" if n is not None else ""))
    if json_out:
        Path(json_out).write_text(json.dumps(scores, indent=2))
