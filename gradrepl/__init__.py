"""gradrepl: why did my gradient come back None?"""

from __future__ import annotations

__version__ = "0.1.0"
