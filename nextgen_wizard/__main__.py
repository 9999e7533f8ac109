from nextgen_wizard.cli import main

raise SystemExit(main())
