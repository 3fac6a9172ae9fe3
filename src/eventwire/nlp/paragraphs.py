"""eventwire_paragraphs: sentence starts at paragraph and headline breaks, before the parser runs.

Web pages put a headline, a byline or a caption on its own line without a full
stop; the statistical parser then glues it to the first sentence of the story,
and every later component reads one long "sentence" that mixes two reports.
A blank line always starts a sentence.  A single line break starts one when
the next line begins with a capital and the previous line does not stop on a
word that needs a continuation ("in", "the", "and", a comma): hard-wrapped
text ("... from a school in\\ncentral Nigeria") stays one sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# A line ending on one of these words is a hard wrap in mid-sentence.
CONTINUES = frozenset(
    """a an the of in on at to for from by with and or but nor as than that which who whose whom
    into onto over under near about after before during between among against toward towards
    his her its their our your my this these those some any no is are was were be been has have had
    will would could should may might can said says told""".split()
)


def _starts_sentence(doc: Doc, i: int) -> bool:
    """Is the line break token ``doc[i]`` a sentence boundary?"""
    ws = doc[i]
    if ws.text.count("\n") >= 2:
        return True
    if i == 0 or i + 1 >= len(doc):
        return False
    prev, nxt = doc[i - 1], doc[i + 1]
    if prev.is_space:
        return False
    if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in "\"“'‘—-–•*"):
        return False
    if prev.text in (",", ";", "-", "–", "—", "(") or prev.lower_ in CONTINUES:
        return False
    return True


@Language.factory("eventwire_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc:
        if tok.is_space and "\n" in tok.text and tok.i + 1 < len(doc) and _starts_sentence(doc, tok.i):
            doc[tok.i + 1].is_sent_start = True
    return doc
