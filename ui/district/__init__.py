"""Файл → Сводка по школам…: the district's summary of many schools' files (``curator_app.district``)."""
