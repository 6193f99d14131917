"""Write a file so that a crash or a full disk never leaves half of it behind.

The data goes to a temporary file in the same folder, is flushed to disk, and only
then replaces the target by a rename, which is atomic on every platform we ship to.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from editor.core.io.errors import OutputError


def write_atomically(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(stream)`` on a temporary file, then move it over ``path``."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as error:
        raise OutputError(f"{target}: 无法写入（{error.strerror or error}）") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: 无法写入（{error.strerror or error}）") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
