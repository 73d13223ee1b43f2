"""Provides ``python -m gradrepl``."""

from gradrepl.cli import main

raise SystemExit(main())
