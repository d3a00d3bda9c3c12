"""Typed exceptions of the public API.  The CLI maps each to a message and an exit code; a batch records it."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the engine raises on purpose."""

    exit_code = 1


class InputError(ExtractorError):
    """The input cannot be read as any supported format (empty, corrupt, not a PDF nor a text export)."""

    exit_code = 2


class EncryptedPDFError(InputError):
    """The PDF is encrypted and no (correct) password was given."""

    exit_code = 3


class LimitExceededError(ExtractorError):
    """A configured limit (pages, pixels, time, memory) was exceeded."""

    exit_code = 4
