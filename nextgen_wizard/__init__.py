"""NextGen Ready: a desktop wizard for the federal courts' NextGen CM/ECF account changes."""

__version__ = "0.1.0"
APP_NAME = "NextGen Ready"
