"""Fingerprints of what an output was made from: equal inputs, equal fingerprint."""

from __future__ import annotations

import hashlib
import json


def digest(*parts) -> str:
    """A short fingerprint of JSON-able ``parts`` (keys sorted; anything else by its text)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(json.dumps(part, sort_keys=True, default=str, ensure_ascii=False).encode())
        h.update(b"\0")
    return h.hexdigest()[:20]
