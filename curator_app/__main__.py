from curator_app.cli import main

raise SystemExit(main())
