"""The bundled data (rules, language models, translations, icons) as the package `proofdesk_resources`.

The folder stays `resources/` at the top of the repository, where the project's layout puts it;
pyproject.toml installs it under this importable name so that a wheel carries it as package data
and `editor.core.resources` finds it through `importlib.resources` wherever it is installed.
There is no code here.
"""
