"""The packages of the wheel, for setuptools; everything else is in pyproject.toml.

`resources/` stays at the top of the repository and ships as the package `proofdesk_resources`
(the `package-dir` mapping in pyproject.toml). pyproject.toml can either find packages or list
them, and finding cannot rename a folder, so the list is made here from what is on disk: every
package of `editor/`, and `resources/` with its folders (namespace packages to Python) under the
new name. A new subpackage or data folder is thus shipped without anyone listing it.
"""

from __future__ import annotations

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = "proofdesk_resources"
DATA_FOLDERS = find_namespace_packages("resources", exclude=["__pycache__", "*.__pycache__"])
DATA_PACKAGES = [RESOURCES, *(f"{RESOURCES}.{name}" for name in DATA_FOLDERS)]

setup(packages=[*find_packages(include=["editor", "editor.*"]), *DATA_PACKAGES])
