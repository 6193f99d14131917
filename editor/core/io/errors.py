"""The errors a reader or writer raises: a message for the user, never a traceback."""

from __future__ import annotations


class InputError(Exception):
    """A draft that cannot be read: the message names the file and the reason."""


class OutputError(Exception):
    """A result that cannot be written: the message names the file and the reason."""


class ProtectedDocument(OutputError):
    """A DOCX whose author restricted editing: written only when the user says so."""
