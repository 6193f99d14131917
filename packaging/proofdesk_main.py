"""Entry point of the frozen (PyInstaller) app.

`freeze_support()` must run first: the check server is a child process started with
"spawn", and in a frozen app the child is this same executable.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from editor.cli import main

    sys.exit(main())
