"""The packaging helpers (packaging/deb.py, packaging/windows/msi.py) are scripts, not a package."""

import sys

from tests.helpers import ROOT

for folder in (ROOT / "packaging", ROOT / "packaging" / "windows"):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))
