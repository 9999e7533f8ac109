"""Entry point of the frozen app: the same CLI as `python -m nextgen_wizard`."""

from nextgen_wizard.cli import main

raise SystemExit(main())
