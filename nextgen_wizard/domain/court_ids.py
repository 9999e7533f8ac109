"""A court id as the catalog keeps it, however it was typed ("MAB ", "mab"): the one normaliser."""

from __future__ import annotations


def normal_court_id(text: str) -> str:
    return text.strip().lower()
