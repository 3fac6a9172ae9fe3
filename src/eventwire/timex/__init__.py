"""Temporal expressions in news text: recognition (``grammar``) and resolution
against a publication date (``resolve``).  The spaCy component that uses them is
``eventwire.nlp.temporal``."""
from .resolve import Anchor, TValue, precision_of_range

__all__ = ["Anchor", "TValue", "precision_of_range"]
