import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ras-baalbek-2017-08-28.txt"
# The dev gold set lives beside the repo (../shared); tests that need it skip without it.
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD_DEV = SHARED / "gold" / "dev"


@pytest.fixture(scope="session")
def nlp():
    """The full eventwire pipeline, loaded once per test session."""
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def annotate(nlp):
    """annotate(text, published="2017-08-28") -> annotated Doc."""
    from eventwire.article import Article, parse_published

    def run(text: str, published: str | None = "2017-08-28"):
        pub, prec = parse_published(published)
        return _annotate(nlp, Article(text=text, published=pub, published_precision=prec))

    def _annotate(nlp, article):
        from eventwire.nlp.pipeline import make_doc

        return nlp(make_doc(nlp, article))

    return run


@pytest.fixture
def example_path():
    return EXAMPLE


@pytest.fixture
def gold_dev():
    if not GOLD_DEV.exists():
        pytest.skip("dev gold set not found (set EVENTWIRE_SHARED)")
    return GOLD_DEV
