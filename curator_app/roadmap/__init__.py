"""Roadmaps as schools write them: the period parser, the table reader with its debris repair, the
importers (.docx, .pdf, .xlsx, pasted text) and the exporters (.xlsx, .pdf, .json). No database access here
except in the exporters' input (plain values); storing is :mod:`curator_app.services.roadmap`."""
