"""The one base of the errors pohon-nb tells its user about.

A :class:`PohonError` is the user's to fix (a workbook, an argument, a folder another run
holds): its message, in Bahasa Indonesia, says what and where, and the command line prints it
without a traceback. Anything else that escapes is a bug in pohon-nb and keeps its traceback.
"""

from __future__ import annotations


class PohonError(Exception):
    """An error whose message is for the user (Bahasa Indonesia, naming file, sheet, row)."""

    exit_code = 1
