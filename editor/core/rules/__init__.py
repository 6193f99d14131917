"""Rules that are data: YAML files under `resources/rules/` read by small engines.

`loader` reads a rule file (bundled, then the user's own copy merged over it by id);
`confusion` is the substitution engine for the newsroom's confusion list; `idioms`
finds near misses of four-character idioms; `examples` lets a test run every rule's
own good and bad examples.
"""
