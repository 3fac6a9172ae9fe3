"""eventwire's spaCy components and the pipeline that runs them."""
from .pipeline import annotate, annotate_many, load_pipeline

__all__ = ["annotate", "annotate_many", "load_pipeline"]
