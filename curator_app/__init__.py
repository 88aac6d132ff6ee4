"""Curator: the core of the mentorship curator's workplace.

Everything here runs without Qt: models, storage, the subjects (banks, pairs, matching, roadmap, monitoring, documents, backup, district) and the CLI. The Qt face lives in ``ui``.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Куратор наставничества"
