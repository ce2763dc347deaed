// pohon-nb kelas: the trainer's live view, refreshed every few seconds.
"use strict";
(function () {
  const summary = document.getElementById("ringkas");
  const seconds = Number(summary.dataset.detik) || 3;

  function cell(row, name, value) { row.querySelector(`td.${name}`).textContent = String(value); }

  function wrong(list) {
    const box = document.createElement("div");
    list.forEach((item) => {
      const one = document.createElement("details");
      const head = document.createElement("summary");
      head.textContent = `${item.jumlah} × "${item.jawaban}"`; // typed by a participant: text only
      const said = document.createElement("div");
      said.innerHTML = item.umpan_balik; // rendered and escaped on the laptop
      one.append(head, said);
      box.append(one);
    });
    return box;
  }

  async function refresh() {
    try {
      const reply = await fetch("/pelatih/data", { credentials: "same-origin", cache: "no-store" });
      if (!reply.ok) { summary.textContent = "Masuk lagi sebagai pelatih untuk melihat kelas."; return; }
      const data = await reply.json();
      const answered = data.latihan.reduce((n, r) => n + r.menjawab, 0);
      summary.textContent = `${data.peserta} peserta bergabung; ${answered} jawaban (jawaban terakhir per peserta dan latihan).`;
      data.latihan.forEach((r) => {
        const row = document.querySelector(`tr[data-latihan="${CSS.escape(r.latihan)}"]`);
        if (!row) return;
        ["menjawab", "tepat", "varian", "hampir", "salah"].forEach((name) => cell(row, name, r[name]));
        const place = row.querySelector("td.keliru");
        place.replaceChildren(wrong(r.keliru_terbanyak));
      });
    } catch (error) {
      summary.textContent = "Server kelas tidak menjawab.";
    }
  }

  refresh();
  setInterval(refresh, seconds * 1000);
})();
