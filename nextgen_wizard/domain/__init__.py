"""Pure Python rules: no Qt, no keyring, no file I/O beyond packaged data."""
