"""Where participants reach the class: the laptop's address on the room's network, and its QR
code for the projector (``segno``: in the terminal, and as a PNG in the class folder)."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

from ..core.atomic import atomic_path


def lan_address() -> str:
    """The address this laptop has on its local network (the one a route out would use; no
    packet is sent), or 127.0.0.1 when it has none (no network: only this laptop can join)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return address if not address.startswith("0.") else "127.0.0.1"


def qr_code(url: str, png: Path) -> tuple[str, str]:
    """The QR code of ``url``: as terminal text, and as a data address for the trainer's page;
    also written to ``png`` for the projector."""
    import segno

    code = segno.make(url, error="m")
    with atomic_path(png, overwrite=True) as tmp:
        code.save(str(tmp), kind="png", scale=8, border=2)
    import io

    text = io.StringIO()
    code.terminal(out=text, compact=True, border=2)  # light modules drawn light on any terminal
    return text.getvalue(), "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
