"""The district's three demo schools (built once for the session, copied per test)."""

from tests.core.district.conftest import _schools, schools  # noqa: F401 - fixtures shared with the core tests
