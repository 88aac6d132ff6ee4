"""All tables of the Curator database, importable from one place."""

from __future__ import annotations

from .base import BaseModel, JSONField, database, now
from .documents import DOCUMENT_KIND_LABELS, DocumentMentorship, IssuedDocument
from .forms import MentoringForm, RoleModel
from .mentoring import (
    MENTORSHIP_STATUS_LABELS,
    MatchExclusion,
    Meeting,
    Mentorship,
    MentorshipGoal,
    MentorshipMember,
)
from .monitoring import (
    QUESTION_KINDS,
    Answer,
    Question,
    Questionnaire,
    Response,
    SurveyWave,
    WaveQuestionnaire,
)
from .people import CATEGORY_LABELS, Consent, Mentee, Mentor, Person, person_search_text
from .roadmap import EVENT_STATUS_LABELS, EventEvidence, Roadmap, RoadmapEvent, RoadmapSection
from .system import AuditLog, Setting

ALL_MODELS: list[type[BaseModel]] = [
    Setting, AuditLog,
    MentoringForm, RoleModel,
    Person, Mentor, Mentee, Consent,
    Mentorship, MentorshipMember, MentorshipGoal, Meeting, MatchExclusion,
    Roadmap, RoadmapSection, RoadmapEvent, EventEvidence,
    Questionnaire, Question, SurveyWave, WaveQuestionnaire, Response, Answer,
    IssuedDocument, DocumentMentorship,
]

__all__ = [
    "ALL_MODELS", "BaseModel", "JSONField", "database", "now",
    "Setting", "AuditLog", "MentoringForm", "RoleModel",
    "Person", "Mentor", "Mentee", "Consent", "CATEGORY_LABELS", "person_search_text",
    "Mentorship", "MentorshipMember", "MentorshipGoal", "Meeting", "MatchExclusion", "MENTORSHIP_STATUS_LABELS",
    "Roadmap", "RoadmapSection", "RoadmapEvent", "EventEvidence", "EVENT_STATUS_LABELS",
    "Questionnaire", "Question", "SurveyWave", "WaveQuestionnaire", "Response", "Answer", "QUESTION_KINDS",
    "IssuedDocument", "DocumentMentorship", "DOCUMENT_KIND_LABELS",
]
