"""A class served in a thread of the test, and clients as a browser is to it (cookies, the XSRF
token): shared by ``tests/test_kelas.py`` and ``bench/kelas.py``."""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

from pohon_nb.kelas import server

CLASS = "KELAS1"


class Served:
    """The class's server on a free port of 127.0.0.1, in a thread of its own."""

    def __init__(self, room):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.room, self.loop, ready = room, asyncio.new_event_loop(), threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.http = server.make_app(room).listen(self.port, address="127.0.0.1")
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(10)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.loop.call_soon_threadsafe(self.http.stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


class Client:
    """A browser as the server sees it: cookies kept, redirects followed, XSRF token sent."""

    def __init__(self, url: str):
        self.url, self.jar = url, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def get(self, path: str) -> tuple[int, str, str]:
        try:
            with self.opener.open(self.url + path, timeout=20) as reply:
                return reply.status, reply.geturl(), reply.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, path, exc.read().decode(errors="replace")

    def post(self, path: str, fields: dict | None = None, body: dict | None = None) -> tuple[int, str, str]:
        if self.cookie("_xsrf") is None:
            self.get("/")
        token = self.cookie("_xsrf")
        if body is not None:
            data, kind = json.dumps(body).encode(), "application/json"
        else:
            data, kind = urllib.parse.urlencode({**(fields or {}), "_xsrf": token}).encode(), \
                "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.url + path, data=data, method="POST",
                                         headers={"Content-Type": kind, "X-XSRFToken": token})
        try:
            with self.opener.open(request, timeout=20) as reply:
                return reply.status, reply.geturl(), reply.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, path, exc.read().decode(errors="replace")

    def join(self, name: str, code: str = CLASS):
        return self.post("/", {"kode": code, "nama": name})

    def answer(self, key: str, answer) -> dict:
        status, _, text = self.post("/jawab", body={"latihan": key, "jawaban": answer})
        assert status == 200, (status, text)
        return json.loads(text)
