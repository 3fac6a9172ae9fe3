"""Measurements of eventwire components on public data sets (``python -m eventwire.evaluation.geo``)."""
