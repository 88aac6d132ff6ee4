"""The banks of mentors and mentees: the table model, the shared tab, the background task."""
