"""The class as a web application (tornado): join with the class code, read a module, answer
its exercises, and the trainer's live view behind the trainer code.

What a browser can do here is what these handlers allow and nothing else: send a class code
and a name, read a module page, send an answer (a string or a short list of strings) and get
its feedback, and, with the trainer code, read the counts. There is no kernel and no route
that runs code or reads a file outside the package's own assets (``/aset/``); every POST
carries tornado's XSRF token, cookies are signed with the class's secret, and everything typed
by a participant is escaped wherever it is shown.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import tornado.web

from ..nb.training import BY_KEY, Material
from ..nb.training.exercises import HINTS, INDICATOR_FIELDS, PICK
from .modules import Module
from .store import Store

ASSETS = Path(__file__).resolve().parent / "aset"
PAGES = Path(__file__).resolve().parent / "html"
REFRESH_SECONDS = 3
"""How often the trainer's view asks for the counts again."""
MAX_TEXT = 600
MAX_ITEMS = 30

log = logging.getLogger("pohon_nb.kelas")


@dataclass
class Classroom:
    """What the server serves: the modules, the material their exercises are checked against,
    the class database and the two codes."""

    modules: list[Module]
    material: Material
    store: Store
    class_code: str
    trainer_code: str
    name: str = "Kelas pohon-nb"
    data_note: str = ""  # what the exercises' data is, said at the top of every module
    join_url: str = ""  # shown with the class code and the QR code on the trainer's page
    qr: str = ""  # the QR code as a data address
    by_number: dict[int, Module] = field(init=False)

    def __post_init__(self):
        self.by_number = {m.number: m for m in self.modules}

    def exercise_keys(self) -> list[str]:
        return [key for m in self.modules for key in m.exercises]

    def module_of(self, key: str) -> Module | None:
        return next((m for m in self.modules if key in m.exercises), None)


def open_class(data_path: str, kode_opd: str, tahun: int, numbers: list[int] | None, folder: Path,
               class_code: str | None = None, trainer_code: str | None = None) -> Classroom:
    """The class in ``folder`` (its database ``kelas.sqlite`` and the modules run for this data):
    an earlier class in the same folder goes on with its participants, answers and codes."""
    from ..nb.training import Workshop
    from .modules import module_names, prepare

    folder.mkdir(parents=True, exist_ok=True)
    names = module_names(numbers)
    parameters = {"data_path": data_path, "kode_opd": kode_opd, "tahun": tahun}
    modules = prepare(names, folder, parameters)
    workshop = Workshop(data_path, kode_opd, tahun, interaktif=False)
    store = Store(folder / "kelas.sqlite")
    region = workshop.pemda.info.get("nama_pemda") or ""
    note = (f"sampel sintetis {region} (angka dikarang; jangan dikutip sebagai data daerah)" if not data_path
            else f"workbook {region} ({Path(data_path).name})")
    return Classroom(modules, workshop.material, store, store.code("kode_kelas", class_code, 5),
                     store.code("kode_pelatih", trainer_code, 8),
                     name=f"Kelas pohon-nb · {region}".rstrip(" ·"),
                     data_note=f"Data latihan: {note}; OPD contoh {workshop.ctx.opd_name}.")


def same_code(given: str, expected: str) -> bool:
    return hmac.compare_digest(" ".join(str(given).split()).casefold().encode(),
                               " ".join(expected.split()).casefold().encode())


def _pages():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PAGES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


class Base(tornado.web.RequestHandler):
    room: Classroom

    def initialize(self, room: Classroom, pages) -> None:
        self.room, self.pages = room, pages

    def page(self, template: str, **values) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        "script-src 'self'; frame-ancestors 'none'")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.write(self.pages.get_template(template).render(
            kelas=self.room.name, xsrf=self.xsrf_form_html(), modules=self.room.modules, **values))

    def participant(self) -> tuple[int, str] | None:
        token = self.get_signed_cookie("peserta")
        return self.room.store.participant(token.decode() if token else None)

    def is_trainer(self) -> bool:
        return self.get_signed_cookie("pelatih") == b"ya"

    def write_error(self, status_code: int, **kwargs) -> None:
        messages = {403: "Tidak diizinkan.", 404: "Halaman tidak ada.", 405: "Tidak diizinkan."}
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(messages.get(status_code, "Terjadi galat di laptop pelatih; coba lagi."))


class NotFound(Base):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


class NoIcon(Base):
    def get(self) -> None:
        self.set_status(204)  # no icon, and no error in the browser's console


class Join(Base):
    def get(self) -> None:
        if self.participant():
            self.redirect(f"/modul/{self.room.modules[0].number}")
            return
        self.page("gabung.html.j2", message="")

    def post(self) -> None:
        code, name = self.get_body_argument("kode", ""), self.get_body_argument("nama", "").strip()
        if not same_code(code, self.room.class_code):
            self.set_status(403)
            self.page("gabung.html.j2", message="Kode kelas salah. Lihat kode di layar depan.")
            return
        if not name:
            self.page("gabung.html.j2", message="Tulis nama Anda (nama tampilan di kelas ini).")
            return
        _, _, token = self.room.store.join(name)
        self.set_signed_cookie("peserta", token, httponly=True, samesite="Lax", expires_days=7)
        self.redirect(f"/modul/{self.room.modules[0].number}")


class ModulePage(Base):
    def get(self, number: str) -> None:
        who = self.participant()
        if who is None:
            self.redirect("/")
            return
        module = self.room.by_number.get(int(number))
        if module is None:
            raise tornado.web.HTTPError(404)
        material = self.room.material
        forms = {key: form_of(key, material) for key in module.exercises}
        last = self.room.store.last_answers(who[0])  # a participant who comes back sees them
        for prior in last.values():
            prior["html"] = feedback_html(prior["umpan_balik"])
        self.page("modul.html.j2", module=module, forms=forms, name=who[1], last=last,
                  data_note=self.room.data_note)


class Answer(Base):
    def post(self) -> None:
        who = self.participant()
        if who is None:
            raise tornado.web.HTTPError(403)
        try:
            sent = json.loads(self.request.body or b"{}")
            key, raw = str(sent["latihan"]), sent.get("jawaban", "")
        except (ValueError, KeyError, TypeError, AttributeError):  # not JSON, not an object
            raise tornado.web.HTTPError(400) from None
        module = self.room.module_of(key)
        if module is None or not well_formed(raw):
            raise tornado.web.HTTPError(400)
        exercise = BY_KEY[key]
        answer = as_answer(exercise.form, raw)
        try:
            feedback = exercise.run(answer, self.room.material)
        except Exception:  # an answer the check did not foresee: say so, keep the class going
            log.exception("latihan %s: jawaban %r", key, raw)
            from ..nb.training.feedback import wrong

            feedback = wrong("Jawaban ini tidak dapat diperiksa; tulis ulang dengan kata lain.")
        markdown = feedback._repr_markdown_()
        self.room.store.record(who[0], module.name, key, answer_text(answer), raw, feedback.grade, markdown)
        self.write({"nilai": feedback.grade, "html": feedback_html(markdown)})


class Trainer(Base):
    def get(self) -> None:
        if not self.is_trainer():
            self.page("pelatih_masuk.html.j2", message="")
            return
        keys = self.room.exercise_keys()
        titles = {k: f"{k} {BY_KEY[k].title}" for k in keys}
        self.page("pelatih.html.j2", titles=titles, refresh=REFRESH_SECONDS, url=self.room.join_url,
                  code=self.room.class_code, qr=self.room.qr)

    def post(self) -> None:
        if not same_code(self.get_body_argument("kode", ""), self.room.trainer_code):
            self.set_status(403)
            self.page("pelatih_masuk.html.j2", message="Kode pelatih salah.")
            return
        self.set_signed_cookie("pelatih", "ya", httponly=True, samesite="Strict", expires_days=1)
        self.redirect("/pelatih")


class TrainerData(Base):
    def get(self) -> None:
        if not self.is_trainer():
            raise tornado.web.HTTPError(403)
        rows = self.room.store.summary(self.room.exercise_keys())
        for row in rows:
            row["judul"] = BY_KEY[row["latihan"]].title
            for item in row["keliru_terbanyak"]:
                item["umpan_balik"] = feedback_html(item["umpan_balik"])
        self.set_header("Cache-Control", "no-store")
        self.write({"peserta": self.room.store.participants(), "latihan": rows})


def make_app(room: Classroom, *, debug: bool = False) -> tornado.web.Application:
    pages = _pages()
    args = {"room": room, "pages": pages}
    return tornado.web.Application(
        [(r"/", Join, args), (r"/favicon\.ico", NoIcon, args), (r"/modul/([0-9]{1,2})", ModulePage, args),
         (r"/jawab", Answer, args), (r"/pelatih", Trainer, args), (r"/pelatih/data", TrainerData, args),
         (r"/aset/(kelas\.css|kelas\.js|pelatih\.js)", tornado.web.StaticFileHandler, {"path": str(ASSETS)})],
        default_handler_class=NotFound, default_handler_args=args,
        cookie_secret=room.store.secret(), xsrf_cookies=True, debug=debug,
        xsrf_cookie_kwargs={"samesite": "Strict"})


# ------------------------------------------------------------------ answers and forms


def well_formed(raw) -> bool:
    """What a form may send: a string, or a short list of strings, each of a sensible length."""
    if isinstance(raw, str):
        return len(raw) <= MAX_TEXT
    return (isinstance(raw, list) and len(raw) <= MAX_ITEMS
            and all(isinstance(v, str) and len(v) <= MAX_TEXT for v in raw))


def as_answer(form: str, raw):
    """The answer as the JupyterLab form gives it to the check (:mod:`pohon_nb.nb.training.forms`)."""
    if form == "indikator":
        values = list(raw) if isinstance(raw, list) else [raw]
        return tuple((values + ["", "", ""])[:3])
    if form == "urutan":
        return list(raw) if isinstance(raw, list) else raw
    if form == "opd_banyak":
        return raw if isinstance(raw, (list, str)) else []
    return raw if isinstance(raw, str) else ", ".join(raw)


def answer_text(answer) -> str:
    if isinstance(answer, tuple):
        return " | ".join(answer)
    if isinstance(answer, list):
        return ", ".join(answer)
    return str(answer)


def feedback_html(markdown: str) -> str:
    """Feedback as HTML, any markup in it escaped (it may quote what a participant typed; the
    checks escape what they quote for the notebooks already, so that is undone first, not
    escaped twice)."""
    import html

    import mistune

    return mistune.create_markdown(escape=True)(html.unescape(markdown))


def form_of(key: str, material: Material) -> dict:
    """What the page needs to draw an exercise's form: its kind, options, or why it cannot be
    done with this data."""
    exercise = BY_KEY[key]
    missing = exercise.needs(material)
    options = [] if missing or not exercise.options else [str(o) for o in exercise.options(material)]
    return {"kind": exercise.form, "options": options, "missing": missing, "pick": PICK,
            "hint": HINTS.get(exercise.form, HINTS["teks"]), "fields": INDICATOR_FIELDS}


# ------------------------------------------------------------------ serving


def serve(room: Classroom, address: str, port: int, ready=None) -> None:
    """Serve the class on ``address:port`` until Ctrl-C; ``ready()`` is called once listening."""
    import asyncio

    async def main() -> None:
        server = make_app(room).listen(port, address=address, xheaders=False)
        if ready is not None:
            ready()
        try:
            await asyncio.Event().wait()
        finally:
            server.stop()

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends the class; the answers are saved
        asyncio.run(main())
