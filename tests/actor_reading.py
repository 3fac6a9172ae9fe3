"""What the actor tests read off an annotated doc (shared by the test_actor_* files)."""


def actor1s(annotate, text, published="2024-06-03"):
    """actor1's name (or None) of each event mention of ``text``, in order."""
    doc = annotate(text, published=published)
    return [m.actor1.name if m.actor1 else None for m in doc._.mentions]


def actor_spans(annotate, text, published="2024-06-03"):
    """Each actor span's text -> the actor it names."""
    doc = annotate(text, published=published)
    return {sp.text: sp._.actor.name for sp in doc.spans["ew_actors"]}
