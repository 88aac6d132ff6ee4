"""The roadmap tab's widgets: the event table model, the timeline, the «Ближайшие 14 дней» panel."""
