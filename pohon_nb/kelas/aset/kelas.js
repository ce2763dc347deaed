// pohon-nb kelas: the exercise forms of a module page. No library: the page works offline.
"use strict";
(function () {
  const xsrf = () => (document.querySelector("input[name=_xsrf]") || {}).value || "";

  function items(form) {
    return Array.from(form.querySelectorAll("ol.urutan li span")).map((s) => s.textContent);
  }

  function read(form) {
    const kind = form.dataset.bentuk;
    if (kind === "urutan") return items(form);
    if (kind === "indikator") return ["nama", "satuan", "formula"].map((n) => form.querySelector(`[name=${n}]`).value);
    if (kind === "opd_banyak") {
      const ticked = Array.from(form.querySelectorAll("input[type=checkbox]:checked")).map((c) => c.value);
      return ticked.length === 1 && ticked[0] === "tidak ada" ? "tidak ada" : ticked.filter((v) => v !== "tidak ada");
    }
    return form.querySelector("[name=jawaban]").value;
  }

  function restore(form, value) {
    const kind = form.dataset.bentuk;
    if (value === "" || value === null || value === undefined) return;
    if (kind === "urutan" && Array.isArray(value)) {
      const list = form.querySelector("ol.urutan");
      const rows = Array.from(list.children);
      value.forEach((text) => {
        const row = rows.find((r) => r.querySelector("span").textContent === text);
        if (row) list.appendChild(row);
      });
    } else if (kind === "indikator" && Array.isArray(value)) {
      ["nama", "satuan", "formula"].forEach((n, i) => { form.querySelector(`[name=${n}]`).value = value[i] || ""; });
    } else if (kind === "opd_banyak") {
      const chosen = Array.isArray(value) ? value : [value];
      form.querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = chosen.includes(c.value); });
    } else {
      const box = form.querySelector("[name=jawaban]");
      if (box) box.value = Array.isArray(value) ? value.join(", ") : value;
    }
  }

  function move(row, step) {
    const list = row.parentElement;
    if (step < 0 && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
    if (step > 0 && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
  }

  async function check(form) {
    const button = form.querySelector("button[type=submit]");
    const out = form.querySelector(".umpan-balik");
    button.disabled = true;
    button.textContent = "Memeriksa…";
    try {
      const reply = await fetch("/jawab", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-XSRFToken": xsrf() },
        body: JSON.stringify({ latihan: form.dataset.latihan, jawaban: read(form) }),
      });
      if (reply.status === 403) { out.textContent = "Sesi Anda berakhir: buka halaman awal dan masuk lagi."; return; }
      if (!reply.ok) { out.textContent = "Jawaban tidak terkirim; coba lagi."; return; }
      const result = await reply.json();
      out.className = `umpan-balik nilai-${result.nilai}`;
      out.innerHTML = result.html; // escaped on the laptop
    } catch (error) {
      out.textContent = "Laptop pelatih tidak terjangkau; periksa jaringan lalu coba lagi.";
    } finally {
      button.disabled = false;
      button.textContent = "Periksa";
    }
  }

  document.querySelectorAll("form.latihan").forEach((form) => {
    try { restore(form, JSON.parse(form.dataset.isian || '""')); } catch (e) { /* nothing to restore */ }
    form.addEventListener("submit", (event) => { event.preventDefault(); check(form); });
    form.querySelectorAll("button.naik").forEach((b) => b.addEventListener("click", () => move(b.parentElement, -1)));
    form.querySelectorAll("button.turun").forEach((b) => b.addEventListener("click", () => move(b.parentElement, 1)));
    const none = form.querySelector("input.tidak-ada");
    if (none) {
      none.addEventListener("change", () => {
        if (none.checked) form.querySelectorAll("input[type=checkbox]:not(.tidak-ada)").forEach((c) => { c.checked = false; });
      });
      form.querySelectorAll("input[type=checkbox]:not(.tidak-ada)").forEach((c) => c.addEventListener("change", () => {
        if (c.checked) none.checked = false;
      }));
    }
  });
})();
