"""`python -m editor`: the same as the `proofdesk` command."""

import sys

from editor.cli import main

sys.exit(main())
