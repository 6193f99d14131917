"""The check service: what the editor's background checks are, without any Qt.

`checker` runs an immutable snapshot of the editor through the engine with a cache
and cancellation; `server` answers requests (open, check, save…) over a pipe, in the
child process or thread the GUI starts. The GUI only starts the server and drives it.
"""
