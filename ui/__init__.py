"""The Qt face of Curator: main window, one module per tab, dialogs. Imports ``curator_app``, never the reverse."""
