"""The checks. Every module here registers its checks with `editor.core.engine.registry` on import."""
