"""The bundle's entry point: the same ``curator-app`` command as the installed package (window included)."""

import os

# A session with no locale at all (`env -i`, a bare kiosk): Qt would switch to C.UTF-8 by itself and complain on
# stderr; say it first. Python runs in UTF-8 mode in the bundle (see curator-app.spec), so file names are safe.
if not any(os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"

# On Linux the bootloader restarted this process with _internal/ on LD_LIBRARY_PATH; the loader has read it by
# now. Programs the window starts (xdg-open for a saved PDF, the file manager) must get the system's libraries,
# not ours: give them the variable as the session had it.
if "LD_LIBRARY_PATH_ORIG" in os.environ:
    os.environ["LD_LIBRARY_PATH"] = os.environ.pop("LD_LIBRARY_PATH_ORIG")
else:
    os.environ.pop("LD_LIBRARY_PATH", None)

from curator_app.cli import main  # noqa: E402

raise SystemExit(main())
