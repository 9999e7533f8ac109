import os

# Without a display Qt aborts the interpreter; every test runs offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
