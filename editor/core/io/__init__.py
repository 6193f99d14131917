"""Reading drafts and writing results. Every failure is an `InputError` with a one-line reason."""

from editor.core.io.errors import InputError, OutputError
from editor.core.io.reader import read_document, read_stdin
from editor.core.io.writer import write_document

__all__ = ["InputError", "OutputError", "read_document", "read_stdin", "write_document"]
