"""Counts of what the database holds: the CLI's ``info`` and the main window's status bar."""

from __future__ import annotations

import datetime as dt

from curator_app.models import (
    Consent,
    IssuedDocument,
    Mentee,
    Mentor,
    Mentorship,
    Person,
    Questionnaire,
    Response,
    Roadmap,
    RoadmapEvent,
    SurveyWave,
)


def counts() -> dict[str, int]:
    """Counts keyed as the ``info`` command prints them (a contract: keys are only ever added)."""
    from curator_app.db import schema_version

    today = dt.date.today()
    valid_consents = (
        Consent.select(Consent.person).distinct()
        .where(Consent.valid_on(today))
    )
    return {
        "mentors": Mentor.select().where(Mentor.archived_on.is_null()).count(),
        "mentees": Mentee.select().where(Mentee.archived_on.is_null()).count(),
        "mentorships": Mentorship.select().count(),
        "mentorships_active": Mentorship.select().where(Mentorship.status == "active").count(),
        "roadmap_events": RoadmapEvent.select().count(),
        "responses": Response.select().count(),
        "schema_version": schema_version(),
        "people": Person.select().count(),
        "mentors_archived": Mentor.select().where(Mentor.archived_on.is_null(False)).count(),
        "mentees_archived": Mentee.select().where(Mentee.archived_on.is_null(False)).count(),
        "people_with_valid_consent": valid_consents.count(),
        "roadmaps": Roadmap.select().count(),
        "questionnaires": Questionnaire.select().where(Questionnaire.is_current).count(),
        "survey_waves": SurveyWave.select().count(),
        "documents": IssuedDocument.select().count(),
    }
