"""Find packaged data (courts.json, example answers) in a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """resources/<parts> or examples/<parts>, wherever this installation keeps them."""
    package = Path(__file__).resolve().parent.parent
    roots = [package, package.parent]  # wheel: inside the package; checkout: beside it
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.insert(0, Path(bundle))
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{'/'.join(parts)} is missing from this installation; reinstall the app.")
