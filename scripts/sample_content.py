"""The content of the synthetic sample kabupaten ("Kabupaten Contoh").

Statements and indicators follow the wording of real Renstra documents (docs/metode.md);
the numbers are invented. ``make_sample.py`` turns this into the workbook. Planted
weaknesses are marked with ``# PLANTED`` and listed in ``data/README.md``.

Indicator tuples: (name, satuan, polaritas, baseline 2024, step per year, jenis[, extras])
where extras may hold explicit ``targets``, ``iku``, ``dipilih``, ``gap`` (how far 2025-26
realisation falls short, as a fraction of the step) or ``na2026`` (no 2026 data yet).
"""

PEMDA = {"kode_pemda": "3599", "nama_pemda": "Kabupaten Contoh", "periode_awal": 2025,
         "periode_akhir": 2029}

ULTIMATE = [
    ("SD.1", "Meningkatnya kualitas sumber daya manusia", [
        ("Indeks Pembangunan Manusia", "indeks", "maks", 71.24, 0.62, "dampak"),
        ("Angka Harapan Hidup", "tahun", "maks", 71.86, 0.15, "dampak"),
    ]),
    ("SD.2", "Menurunnya tingkat kemiskinan dan pengangguran", [
        ("Persentase penduduk miskin", "%", "min", 10.82, -0.45, "dampak"),
        ("Tingkat pengangguran terbuka", "%", "min", 5.14, -0.2, "dampak"),
        ("Laju pertumbuhan ekonomi", "%", "maks", 4.9, 0.15, "dampak"),
    ]),
    ("SD.3", "Meningkatnya kualitas infrastruktur dan lingkungan hidup yang berkelanjutan", [
        ("Persentase panjang jalan kabupaten dalam kondisi mantap", "%", "maks", 68.4, 3.0, "dampak"),
        ("Indeks Kualitas Lingkungan Hidup", "indeks", "maks", 64.5, 0.6, "dampak"),
    ]),
    ("SD.4", "Meningkatnya kualitas tata kelola pemerintahan", [
        ("Nilai SAKIP Kabupaten", "nilai", "maks", 62.4, 2.5, "dampak"),
        ("Indeks Reformasi Birokrasi", "indeks", "maks", 58.1, 3.0, "dampak"),
        ("Indeks Kepuasan Masyarakat terhadap pelayanan publik", "nilai", "maks", 80.2, 1.0, "dampak"),
    ]),
]


# National and provincial references of the Pemda's goals and some OPD goals (pohon columns
# acuan_nasional, acuan_provinsi): national priority indicators a kabupaten tree usually serves.
REFERENCES = {
    "SD.1": ("RPJMN 2025-2029: Indeks Pembangunan Manusia; RPJMN 2025-2029: Prevalensi stunting balita",
             "RPJMD Provinsi 2025-2029: Meningkatnya kualitas sumber daya manusia"),
    "SD.2": ("RPJMN 2025-2029: Tingkat kemiskinan; RPJMN 2025-2029: Kemiskinan ekstrem",
             "RPJMD Provinsi 2025-2029: Menurunnya kemiskinan dan pengangguran"),
    "SD.3": ("RPJMN 2025-2029: Indeks Kualitas Lingkungan Hidup", ""),
    "SD.4": ("RPJMN 2025-2029: Indeks Reformasi Birokrasi", ""),
    "DINKES.1": ("RPJMN 2025-2029: Prevalensi stunting balita; RPJMN 2025-2029: Angka Kematian Ibu",
                 "RPJMD Provinsi 2025-2029: Meningkatnya derajat kesehatan masyarakat"),
    "DINSOS.1": ("RPJMN 2025-2029: Kemiskinan ekstrem", ""),
    "DISTANPANGAN.1": ("RPJMN 2025-2029: Swasembada pangan", ""),
}

# A Pemda goal converted from an OPD's problem (pohon.asal_masalah of a condition without OPD).
PEMDA_ORIGINS = {"SD.2": "M.DINSOS.1"}

# The shared root problems the cross-OPD causes above make (tests check exactly these are found).
SHARED_ROOTS = {
    "M.DPUPR.5": "air minum -> stunting (Dinkes) dan permukiman kumuh (Disperkim)",
    "M.DISTANPANGAN.4": "alsintan -> produktivitas -> ketersediaan pangan -> asupan gizi -> stunting",
    "M.DISTANPANGAN.5": "kelembagaan tani -> benih -> produktivitas -> ... -> stunting",
    "M.DISTANPANGAN.6": "irigasi -> produktivitas -> ... -> stunting",
    "M.DISDUKCAPIL.4": "data kependudukan -> DTKS (Dinsos) dan data sektoral (Bapperida); kemiskinan (SD.2)",
    "M.DINSOS.4": "pendamping sosial -> bansos tepat sasaran -> kemiskinan (SD.2)",
    "M.DINSOS.5": "rehabilitasi disabilitas -> kemiskinan (SD.2)",
}


def opd(code, name, abbr, kind, ultimate, kepala, problems, tree):
    return dict(code=code, name=name, abbr=abbr, kind=kind, ultimate=ultimate, kepala=kepala,
                problems=problems, tree=tree)


def im(statement, bidang, indicators, outputs, asal=None, children=()):
    """An immediate outcome (Kepala Bidang) with its outputs."""
    return dict(statement=statement, bidang=bidang, indicators=indicators, outputs=outputs,
                asal=asal, children=list(children))


def out(statement, indicator, **extra):
    return dict(statement=statement, indicator=indicator, **extra)


# Problems: (key, statement, keys of the problems it causes, lokus, APKL "YYYY", USG (u, s, g)).
# The first problem with role "inti" is the core problem. A key "Abbr:key" names another OPD's
# problem: the cross-OPD causes planted for the shared root problems (SHARED_ROOTS).

OPDS = [
    opd("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", "dinas", "SD.1",
        "Kepala Dinas Kesehatan",
        problems=[
            ("1", "Tingginya angka kesakitan dan kematian ibu, bayi dan balita", [], "internal", "YYYY", (5, 5, 4), "akibat"),
            ("2", "Tingginya prevalensi stunting pada balita", ["1"], "internal", "YYYY", (5, 5, 5), "inti"),
            ("3", "Rendahnya cakupan pelayanan kesehatan ibu hamil dan balita sesuai standar", ["2"], "internal", "YYYY", (4, 4, 4), ""),
            ("4", "Kurangnya asupan gizi dan pola asuh keluarga", ["2"], "eksternal", "YYYT", (4, 5, 3), ""),
            ("5", "Terbatasnya tenaga kesehatan dan sarana di puskesmas", ["3"], "internal", "YYYY", (4, 4, 3), ""),
            ("6", "Rendahnya akses rumah tangga terhadap sanitasi layak", ["2"], "eksternal", "YYYT", (3, 4, 3), ""),
        ],
        tree=[("Meningkatnya derajat kesehatan masyarakat", [
            # PLANTED: the Gresik AKI case, minimise targets looser than the baseline.
            ("Angka Kematian Ibu", "per 100.000 KH", "min", 93.65, 0, "outcome",
             dict(targets=[115, 110, 105, 102, 100], real=[108.2, None],
                  definisi="Jumlah kematian ibu selama hamil, bersalin dan nifas (42 hari) karena kehamilan atau pengelolaannya, per 100.000 kelahiran hidup pada tahun yang sama",
                  alasan="Mengukur derajat kesehatan ibu; indikator RPJMD dan SPM bidang kesehatan",
                  formula="(Jumlah kematian ibu / jumlah kelahiran hidup) × 100.000",
                  sumber_data="Laporan PWS KIA dan audit maternal perinatal Dinas Kesehatan")),
            ("Prevalensi stunting pada balita", "%", "min", 18.4, -1.6, "outcome",
             dict(definisi="Persentase balita dengan tinggi badan menurut umur di bawah -2 SD standar pertumbuhan WHO",
                  alasan="Stunting menentukan kualitas SDM jangka panjang; prioritas nasional dan RPJMD",
                  formula="(Jumlah balita stunting / jumlah balita yang diukur) × 100%",
                  sumber_data="e-PPGBM hasil penimbangan serentak")),
            ("Angka Kematian Bayi", "per 1.000 KH", "min", 9.8, -0.4, "outcome",
             dict(definisi="Jumlah kematian bayi usia 0-11 bulan per 1.000 kelahiran hidup pada tahun yang sama",
                  alasan="Mengukur derajat kesehatan bayi dan mutu layanan neonatal",
                  formula="(Jumlah kematian bayi / jumlah kelahiran hidup) × 1.000",
                  sumber_data="Laporan PWS KIA Dinas Kesehatan")),
        ], [
            im("Meningkatnya kesehatan keluarga dan perbaikan gizi masyarakat", "Kesehatan Masyarakat", [
                ("Persentase ibu hamil yang mendapat pelayanan antenatal sesuai standar (K6)", "%", "maks", 82.0, 3.0, "outcome"),
                ("Persentase balita gizi kurang", "%", "min", 7.2, -0.5, "outcome", dict(gap=1.6)),
            ], [
                out("Tersedianya pelayanan kesehatan ibu hamil sesuai standar",
                    ("Jumlah ibu hamil yang mendapat pelayanan K6", "orang", "maks", 11800, 300, "output")),
                out("Terlaksananya pemberian makanan tambahan bagi balita gizi kurang",
                    ("Jumlah balita gizi kurang yang mendapat PMT lokal", "balita", "maks", 1450, 50, "output")),
                out("Terselenggaranya pemantauan pertumbuhan balita di posyandu",
                    ("Persentase balita yang ditimbang di posyandu (D/S)", "%", "maks", 80.0, 2.0, "output")),
            ], asal="3"),
            im("Meningkatnya pengendalian penyakit menular dan tidak menular", "Pencegahan dan Pengendalian Penyakit", [
                ("Persentase keberhasilan pengobatan TBC (success rate)", "%", "maks", 86.0, 1.5, "outcome"),
                ("Cakupan imunisasi dasar lengkap", "%", "maks", 88.0, 2.0, "outcome"),
            ], [
                out("Terlaksananya penemuan dan pengobatan kasus TBC",
                    ("Jumlah terduga TBC yang mendapat pemeriksaan", "orang", "maks", 6400, 400, "output")),
                out("Terlaksananya imunisasi dasar lengkap bagi bayi",
                    ("Jumlah bayi yang mendapat imunisasi dasar lengkap", "bayi", "maks", 12100, 250, "output")),
                out("Tersedianya skrining hipertensi dan diabetes melitus",
                    ("Persentase penduduk usia 15 tahun ke atas yang diskrining PTM", "%", "maks", 55.0, 6.0, "output")),
            ]),
            im("Meningkatnya mutu dan akses pelayanan kesehatan dasar", "Pelayanan Kesehatan", [
                ("Persentase puskesmas terakreditasi paripurna", "%", "maks", 24.0, 8.0, "outcome"),
                ("Persentase puskesmas dengan sembilan jenis tenaga kesehatan sesuai standar", "%", "maks", 60.0, 8.0, "outcome", dict(gap=1.3)),
            ], [
                out("Tersedianya obat dan bahan medis habis pakai di puskesmas",
                    ("Persentase ketersediaan obat esensial di puskesmas", "%", "maks", 85.0, 3.0, "output")),
                out("Terpenuhinya tenaga kesehatan strategis di puskesmas",
                    ("Jumlah tenaga kesehatan yang ditempatkan di puskesmas", "orang", "maks", 40, 10, "output", dict(gap=1.8))),
                out("Terlaksananya pendampingan akreditasi puskesmas",
                    ("Jumlah puskesmas yang didampingi akreditasi", "puskesmas", "maks", 6, 2, "output")),
            ], asal="5"),
        ])]),
    opd("1.01.0.00.0.00.01.0000", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "dinas", "SD.1",
        "Kepala Dinas Pendidikan dan Kebudayaan",
        problems=[
            ("1", "Rendahnya rata-rata lama sekolah penduduk", [], "internal", "YYYY", (4, 5, 4), "akibat"),
            ("2", "Rendahnya mutu dan pemerataan pendidikan dasar", ["1"], "internal", "YYYY", (5, 5, 4), "inti"),
            ("3", "Tingginya angka putus sekolah jenjang SMP", ["2"], "internal", "YYYY", (4, 4, 4), ""),
            ("4", "Kurangnya guru berkualifikasi di daerah terpencil", ["2"], "internal", "YYYY", (4, 4, 3), ""),
            ("5", "Rendahnya partisipasi anak usia dini pada PAUD", ["2"], "internal", "YYYY", (3, 4, 3), ""),
            ("6", "Terbatasnya ruang kelas dalam kondisi baik", ["3"], "internal", "YYYY", (4, 3, 3), ""),
        ],
        tree=[("Meningkatnya tingkat pendidikan dan keterampilan penduduk", [
            ("Angka Partisipasi Kasar PAUD", "%", "maks", 71.5, 2.5, "outcome",
             dict(definisi="Perbandingan jumlah peserta didik PAUD berapa pun usianya dengan jumlah penduduk usia 3-6 tahun",
                  formula="(Jumlah peserta didik PAUD / jumlah penduduk usia 3-6 tahun) × 100%",
                  sumber_data="Dapodik dan proyeksi penduduk BPS")),
            ("Angka Partisipasi Murni SD/MI", "%", "maks", 97.2, 0.4, "outcome",
             dict(definisi="Perbandingan jumlah murid SD/MI usia 7-12 tahun dengan jumlah penduduk usia 7-12 tahun",
                  formula="(Jumlah murid SD/MI usia 7-12 tahun / jumlah penduduk usia 7-12 tahun) × 100%",
                  sumber_data="Dapodik, EMIS Kemenag dan proyeksi penduduk BPS")),
            ("Angka Partisipasi Murni SMP/MTs", "%", "maks", 78.6, 1.5, "outcome"),
            # PLANTED: a fourth IKU on one sasaran (limit 3).
            ("Rata-rata lama sekolah", "tahun", "maks", 7.62, 0.12, "outcome"),
        ], [
            im("Meningkatnya akses dan mutu pendidikan anak usia dini", "Pembinaan PAUD dan Pendidikan Nonformal", [
                ("Persentase satuan PAUD terakreditasi minimal B", "%", "maks", 52.0, 5.0, "outcome"),
            ], [
                out("Tersedianya bantuan operasional penyelenggaraan PAUD",
                    ("Jumlah satuan PAUD penerima BOP", "lembaga", "maks", 410, 5, "output")),
                out("Terlaksananya peningkatan kompetensi pendidik PAUD",
                    ("Jumlah pendidik PAUD yang mengikuti diklat berjenjang", "orang", "maks", 120, 20, "output")),
            ], asal="5"),
            im("Meningkatnya mutu pembelajaran pendidikan dasar", "Pembinaan SD dan SMP", [
                ("Persentase satuan pendidikan dasar dengan rapor pendidikan kategori baik", "%", "maks", 38.0, 6.0, "outcome", dict(gap=1.2)),
                ("Angka putus sekolah SMP", "%", "min", 0.92, -0.1, "outcome"),
            ], [
                out("Terbangunnya ruang kelas baru dan rehabilitasi ruang kelas rusak",
                    ("Jumlah ruang kelas yang dibangun atau direhabilitasi", "ruang", "maks", 45, 5, "output")),
                out("Tersalurkannya bantuan perlengkapan sekolah bagi siswa miskin",
                    ("Jumlah siswa miskin penerima bantuan perlengkapan sekolah", "siswa", "maks", 3200, 100, "output")),
                out("Terlaksananya asesmen dan pendampingan sekolah berkinerja rendah",
                    ("Jumlah sekolah yang didampingi", "sekolah", "maks", 30, 10, "output")),
            ], asal="3"),
            im("Meningkatnya pemerataan guru berkualifikasi", "Ketenagaan", [
                ("Persentase guru berkualifikasi S1/D4", "%", "maks", 91.0, 1.5, "outcome"),
            ], [
                out("Terlaksananya redistribusi guru ke sekolah kekurangan guru",
                    ("Jumlah guru yang diredistribusi", "orang", "maks", 60, 15, "output")),
                out("Tersalurkannya insentif guru di daerah terpencil",
                    ("Jumlah guru penerima insentif daerah terpencil", "orang", "maks", 180, 10, "output")),
            ], asal="4"),
        ])]),
    opd("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas", "SD.3",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        problems=[
            ("1", "Tingginya biaya logistik dan waktu tempuh antarwilayah", [], "eksternal", "YYYT", (4, 4, 3), "akibat"),
            ("2", "Rendahnya kemantapan jalan kabupaten", ["1"], "internal", "YYYY", (5, 5, 4), "inti"),
            ("3", "Kurangnya pemeliharaan rutin jalan dan jembatan", ["2"], "internal", "YYYY", (4, 4, 4), ""),
            ("4", "Tingginya harga material konstruksi", ["2"], "eksternal", "YYYT", (3, 3, 4), "usg!"),  # PLANTED: failed APKL (L) yet scored by USG
            ("5", "Rendahnya cakupan layanan air minum perpipaan", ["Dinkes:2", "Disperkim:2"], "internal", "YYYY", (4, 4, 3), ""),
            ("6", "Terbatasnya data kondisi jalan yang mutakhir", ["3"], "internal", "YYYY", (3, 3, 2), ""),
        ],
        tree=[("Meningkatnya kualitas infrastruktur jalan dan sumber daya air", [
            ("Persentase panjang jalan kabupaten dalam kondisi mantap", "%", "maks", 68.4, 3.0, "outcome"),
            ("Persentase rumah tangga dengan akses air minum layak", "%", "maks", 84.5, 2.0, "outcome"),
        ], [
            im("Meningkatnya kondisi jalan dan jembatan kabupaten", "Bina Marga", [
                ("Persentase jalan kabupaten kondisi baik", "%", "maks", 48.0, 3.0, "outcome"),
                ("Persentase jembatan kabupaten kondisi baik", "%", "maks", 72.0, 2.0, "outcome"),
            ], [
                out("Terbangunnya dan terpeliharanya ruas jalan kabupaten",
                    ("Panjang jalan yang ditingkatkan atau direkonstruksi", "km", "maks", 28, 2, "output")),
                out("Terpeliharanya jalan kabupaten secara rutin",
                    ("Panjang jalan yang mendapat pemeliharaan rutin", "km", "maks", 410, 10, "output")),
                out("Terbangunnya jembatan pada ruas strategis",
                    ("Jumlah jembatan yang dibangun atau direhabilitasi", "unit", "maks", 4, 1, "output")),
                out("Tersedianya data survei kondisi jalan",
                    ("Persentase ruas jalan yang disurvei kondisinya", "%", "maks", 70, 10, "output")),
            ], asal="3"),
            im("Meningkatnya layanan air minum dan sanitasi", "Cipta Karya", [
                ("Persentase rumah tangga dengan akses sanitasi layak", "%", "maks", 78.0, 2.5, "outcome"),
            ], [
                out("Terbangunnya jaringan perpipaan air minum",
                    ("Jumlah sambungan rumah air minum baru", "SR", "maks", 1500, 200, "output")),
                out("Terbangunnya sarana sanitasi komunal",
                    ("Jumlah unit IPAL komunal yang dibangun", "unit", "maks", 6, 2, "output")),
            ], asal="5"),
            im("Meningkatnya kualitas jaringan irigasi", "Sumber Daya Air", [
                ("Persentase jaringan irigasi kewenangan kabupaten dalam kondisi baik", "%", "maks", 61.0, 3.0, "outcome"),
            ], [
                out("Terehabilitasinya jaringan irigasi kewenangan kabupaten",
                    ("Panjang saluran irigasi yang direhabilitasi", "km", "maks", 12, 2, "output")),
                out("Terpeliharanya daerah irigasi secara berkala",
                    ("Luas daerah irigasi yang dipelihara", "ha", "maks", 8500, 300, "output")),
            ]),
        ])]),
    opd("3.27.0.00.0.00.01.0000", "Dinas Pertanian dan Ketahanan Pangan", "Distanpangan", "dinas", "SD.2",
        "Kepala Dinas Pertanian dan Ketahanan Pangan",
        problems=[
            ("1", "Rendahnya pendapatan rumah tangga petani", [], "eksternal", "YYYT", (4, 4, 3), "akibat"),
            ("2", "Rendahnya produktivitas padi dan hortikultura", ["1", "7"], "internal", "YYYY", (5, 4, 4), "inti"),
            ("3", "Rendahnya penggunaan benih unggul bersertifikat", ["2"], "internal", "YYYY", (4, 4, 3), ""),
            ("4", "Terbatasnya alat dan mesin pertanian", ["2"], "internal", "YYYY", (4, 3, 3), ""),
            ("5", "Lemahnya kelembagaan kelompok tani", ["3"], "internal", "YYYY", (3, 3, 3), ""),
            ("6", "Kurangnya pasokan air irigasi pada musim kemarau", ["2"], "eksternal", "YYYT", (4, 4, 4), ""),
            ("7", "Rendahnya ketersediaan dan keragaman pangan rumah tangga", ["Dinkes:4"], "internal", "YYYY", (4, 4, 3), ""),
        ],
        tree=[("Meningkatnya produksi dan produktivitas pertanian", [
            ("Produksi padi", "ton GKG", "maks", 412000, 6000, "outcome"),
            ("Produktivitas padi", "ku/ha", "maks", 56.2, 0.6, "outcome", dict(gap=1.4)),
            ("Nilai Tukar Petani", "indeks", "maks", 104.1, 0.8, "outcome"),
        ], [
            # PLANTED: an immediate outcome measured only by an output indicator.
            im("Meningkatnya penggunaan benih unggul oleh petani", "Tanaman Pangan dan Hortikultura", [
                ("Jumlah benih padi unggul yang disalurkan", "ton", "maks", 120, 10, "output"),
            ], [
                out("Tersalurkannya bantuan benih unggul bersertifikat",
                    ("Jumlah kelompok tani penerima bantuan benih", "kelompok", "maks", 160, 10, "output")),
                out("Terselenggaranya sosialisasi penggunaan benih unggul",
                    ("Jumlah petani yang mengikuti sosialisasi", "orang", "maks", 2400, 200, "output")),
            ], asal="3"),
            im("Meningkatnya penerapan mekanisasi pertanian", "Prasarana dan Sarana Pertanian", [
                ("Persentase luas tanam padi yang diolah dengan alsintan", "%", "maks", 64.0, 3.0, "outcome"),
            ], [
                out("Tersalurkannya bantuan alat dan mesin pertanian",
                    ("Jumlah unit alsintan yang disalurkan", "unit", "maks", 48, 6, "output")),
                out("Terlaksananya pelatihan operator alsintan",
                    ("Jumlah operator alsintan terlatih", "orang", "maks", 60, 10, "output")),
            ], asal="4"),
            im("Meningkatnya kapasitas kelembagaan petani", "Penyuluhan", [
                ("Persentase kelompok tani kelas madya ke atas", "%", "maks", 31.0, 4.0, "outcome"),
            ], [
                out("Terlaksananya penyuluhan pertanian di BPP",
                    ("Jumlah kunjungan penyuluhan ke kelompok tani", "kali", "maks", 5200, 200, "output")),
                out("Terbinanya kelompok tani dan gapoktan",
                    ("Jumlah kelompok tani yang dinilai kelasnya", "kelompok", "maks", 220, 20, "output")),
            ], asal="5"),
            im("Meningkatnya ketersediaan dan keamanan pangan", "Ketahanan Pangan", [
                ("Skor Pola Pangan Harapan", "skor", "maks", 86.5, 1.2, "outcome"),
            ], [
                out("Tersedianya cadangan pangan pemerintah daerah",
                    ("Jumlah cadangan beras pemerintah daerah", "ton", "maks", 100, 10, "output")),
                out("Terlaksananya pengawasan keamanan pangan segar",
                    ("Jumlah sampel pangan segar yang diuji", "sampel", "maks", 240, 20, "output")),
            ]),
        ])]),
    opd("1.06.0.00.0.00.01.0000", "Dinas Sosial", "Dinsos", "dinas", "SD.2", "Kepala Dinas Sosial",
        problems=[
            ("1", "Tingginya persentase penduduk miskin", [], "eksternal", "YYYT", (5, 5, 3), "akibat"),
            # PLANTED: two core problems marked for one OPD.
            ("2", "Rendahnya ketepatan sasaran bantuan sosial", ["1"], "internal", "YYYY", (5, 4, 4), "inti"),
            ("3", "Belum optimalnya pemutakhiran data terpadu kesejahteraan sosial", ["2"], "internal", "YYYY", (4, 4, 4), "inti"),
            ("4", "Kurangnya pendamping sosial di desa", ["2"], "internal", "YYYY", (3, 3, 3), ""),
            ("5", "Rendahnya akses penyandang disabilitas terhadap rehabilitasi sosial", ["1"], "internal", "YYYY", (3, 4, 3), ""),
        ],
        tree=[("Meningkatnya kesejahteraan sosial penduduk miskin dan rentan", [
            ("Persentase PPKS yang terpenuhi kebutuhan dasarnya", "%", "maks", 72.0, 4.0, "outcome"),
            ("Persentase keluarga penerima manfaat yang graduasi", "%", "maks", 4.5, 0.8, "outcome", dict(gap=1.5)),
        ], [
            im("Meningkatnya ketepatan sasaran perlindungan sosial", "Perlindungan dan Jaminan Sosial", [
                ("Persentase data DTKS yang dimutakhirkan", "%", "maks", 65.0, 7.0, "outcome"),
            ], [
                out("Termutakhirkannya data terpadu kesejahteraan sosial",
                    ("Jumlah desa yang melaksanakan musyawarah pemutakhiran DTKS", "desa", "maks", 180, 20, "output")),
                out("Tersalurkannya bantuan sosial bagi keluarga miskin",
                    ("Jumlah keluarga miskin penerima bantuan sosial daerah", "KK", "maks", 5400, 100, "output")),
            ], asal="3"),
            im("Meningkatnya pelayanan rehabilitasi sosial", "Rehabilitasi Sosial", [
                ("Persentase penyandang disabilitas terlantar yang mendapat rehabilitasi sosial", "%", "maks", 38.0, 6.0, "outcome"),
            ], [
                out("Tersalurkannya alat bantu bagi penyandang disabilitas",
                    ("Jumlah penyandang disabilitas penerima alat bantu", "orang", "maks", 150, 20, "output")),
                out("Terlaksananya rehabilitasi sosial dasar di dalam panti",
                    ("Jumlah PPKS yang direhabilitasi di panti", "orang", "maks", 90, 10, "output")),
            ], asal="5"),
            im("Meningkatnya pemberdayaan keluarga miskin", "Pemberdayaan Sosial", [
                ("Persentase keluarga miskin dampingan yang memiliki usaha ekonomi produktif", "%", "maks", 12.0, 3.0, "outcome"),
            ], [
                out("Terlaksananya pendampingan kelompok usaha bersama",
                    ("Jumlah KUBE yang didampingi", "kelompok", "maks", 80, 10, "output")),
                out("Terlatihnya pendamping sosial desa",
                    ("Jumlah pendamping sosial yang dilatih", "orang", "maks", 60, 10, "output")),
            ], asal="4"),
        ])]),
    opd("2.08.2.14.0.00.01.0000", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "DP3AP2KB", "dinas", "SD.1",
        "Kepala DP3AP2KB",
        problems=[
            ("1", "Tingginya angka perkawinan usia anak", ["3"], "eksternal", "YYYT", (4, 5, 4), ""),
            ("2", "Tingginya kasus kekerasan terhadap perempuan dan anak", [], "internal", "YYYY", (5, 5, 4), "inti"),
            ("3", "Rendahnya ketahanan keluarga", ["2"], "internal", "YYYY", (4, 4, 3), ""),
            ("4", "Kurangnya layanan pengaduan dan pendampingan korban", ["2"], "internal", "YYYY", (4, 4, 3), ""),
            ("5", "Tingginya kebutuhan ber-KB yang tidak terpenuhi (unmet need)", [], "internal", "YYYY", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya perlindungan perempuan dan anak serta kualitas keluarga", [
            ("Indeks Pemberdayaan Gender", "indeks", "maks", 68.3, 0.8, "outcome"),
            ("Indeks Perlindungan Anak", "indeks", "maks", 63.0, 1.0, "outcome"),
        ], [
            im("Meningkatnya pelayanan bagi perempuan dan anak korban kekerasan", "Perlindungan Perempuan dan Anak", [
                ("Persentase korban kekerasan yang mendapat layanan komprehensif", "%", "maks", 78.0, 4.0, "outcome"),
            ], [
                out("Tersedianya layanan UPTD PPA yang responsif",
                    ("Jumlah korban kekerasan yang ditangani UPTD PPA", "orang", "maks", 140, 5, "output")),
                out("Terbentuknya satgas perlindungan anak di desa",
                    ("Jumlah desa dengan satgas PPA aktif", "desa", "maks", 40, 15, "output")),
            ], asal="4"),
            im("Meningkatnya ketahanan keluarga", "Ketahanan dan Kesejahteraan Keluarga", [
                ("Indeks Pembangunan Keluarga", "indeks", "maks", 58.5, 1.5, "outcome"),
                ("Persentase perkawinan usia anak", "%", "min", 8.4, -0.8, "outcome"),
            ], [
                out("Terlaksananya pendampingan keluarga berisiko stunting",
                    ("Jumlah keluarga berisiko stunting yang didampingi TPK", "keluarga", "maks", 9800, 400, "output")),
                out("Terselenggaranya bina keluarga remaja",
                    ("Jumlah kelompok BKR aktif", "kelompok", "maks", 120, 15, "output")),
            ], asal="3"),
            im("Meningkatnya kesertaan ber-KB", "Pengendalian Penduduk dan KB", [
                ("Persentase unmet need KB", "%", "min", 11.2, -0.6, "outcome"),
            ], [
                out("Tersedianya alat dan obat kontrasepsi di fasilitas KB",
                    ("Persentase fasilitas KB tanpa kekosongan alokon", "%", "maks", 86, 3, "output")),
                out("Terlaksananya pelayanan KB pascapersalinan",
                    ("Jumlah peserta KB pascapersalinan", "orang", "maks", 4100, 200, "output")),
            ]),
        ])]),
    opd("2.12.0.00.0.00.01.0000", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas", "SD.4",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        problems=[
            ("1", "Rendahnya kepemilikan dokumen kependudukan", [], "internal", "YYYY", (4, 4, 3), "inti"),
            ("2", "Terbatasnya jangkauan layanan adminduk di desa terpencil", ["1"], "internal", "YYYY", (4, 3, 3), ""),
            ("3", "Rendahnya kesadaran masyarakat mencatatkan peristiwa penting", ["1"], "eksternal", "YYYY", (3, 3, 3), ""),
            ("4", "Kurangnya pemanfaatan data kependudukan oleh perangkat daerah", ["Dinsos:3", "Bapperida:3"], "internal", "YYYY", (3, 3, 2), ""),
        ],
        tree=[("Meningkatnya kualitas layanan administrasi kependudukan", [
            ("Persentase penduduk yang memiliki KTP-el", "%", "maks", 97.1, 0.5, "outcome"),
            ("Persentase anak yang memiliki akta kelahiran", "%", "maks", 93.4, 1.2, "outcome"),
        ], [
            # PLANTED: activity wording at an outcome level.
            im("Peningkatan pelayanan pendaftaran penduduk", "Pelayanan Pendaftaran Penduduk", [
                ("Persentase penduduk wajib KTP yang telah merekam data biometrik", "%", "maks", 98.0, 0.4, "outcome"),
            ], [
                out("Terlaksananya pelayanan jemput bola perekaman KTP-el",
                    ("Jumlah desa yang dilayani jemput bola", "desa", "maks", 60, 15, "output")),
                out("Tersedianya blangko KTP-el yang mencukupi",
                    ("Jumlah blangko KTP-el yang tersedia", "keping", "maks", 24000, 1000, "output")),
            ], asal="2"),
            im("Meningkatnya cakupan pencatatan sipil", "Pelayanan Pencatatan Sipil", [
                ("Persentase kelahiran yang dicatatkan tepat waktu", "%", "maks", 81.0, 3.0, "outcome"),
            ], [
                out("Terlaksananya layanan akta kelahiran terintegrasi di fasilitas kesehatan",
                    ("Jumlah faskes yang terintegrasi layanan akta", "faskes", "maks", 12, 4, "output")),
                out("Terselenggaranya sosialisasi pencatatan peristiwa penting",
                    ("Jumlah peserta sosialisasi pencatatan sipil", "orang", "maks", 900, 100, "output")),
            ], asal="3"),
            im("Meningkatnya pemanfaatan data kependudukan", "Pengelolaan Informasi Administrasi Kependudukan", [
                ("Jumlah perangkat daerah yang memanfaatkan data kependudukan", "OPD", "maks", 10, 3, "outcome"),
            ], [
                out("Terfasilitasinya perjanjian kerja sama pemanfaatan data",
                    ("Jumlah PKS pemanfaatan data yang ditandatangani", "dokumen", "maks", 8, 3, "output")),
                out("Tersedianya data agregat kependudukan per semester",
                    ("Jumlah publikasi data agregat kependudukan", "dokumen", "maks", 2, 0, "output")),
            ], asal="4"),
        ])]),
    opd("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", "DLH", "dinas", "SD.3", "Kepala Dinas Lingkungan Hidup",
        problems=[
            ("1", "Menurunnya kualitas air sungai dan udara", [], "internal", "YYYY", (4, 5, 4), "inti"),
            ("2", "Rendahnya persentase sampah yang terkelola", ["1"], "internal", "YYYY", (4, 4, 4), ""),
            ("3", "Kurangnya pengawasan usaha yang membuang limbah", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("4", "Terbatasnya armada dan TPS3R", ["2"], "internal", "YYYY", (4, 3, 4), ""),
            ("5", "Rendahnya partisipasi masyarakat memilah sampah", ["2"], "eksternal", "YYYY", (3, 3, 4), ""),
        ],
        tree=[("Meningkatnya kualitas lingkungan hidup", [
            ("Indeks Kualitas Air", "indeks", "maks", 52.4, 0.8, "outcome"),
            ("Indeks Kualitas Udara", "indeks", "maks", 84.1, 0.3, "outcome"),
        ], [
            im("Meningkatnya pengelolaan sampah", "Pengelolaan Sampah dan Limbah B3", [
                ("Persentase sampah rumah tangga yang tertangani", "%", "maks", 58.0, 4.0, "outcome", dict(gap=1.4)),
                ("Persentase pengurangan sampah", "%", "maks", 17.0, 2.0, "outcome"),
            ], [
                out("Terbangunnya TPS3R di desa",
                    ("Jumlah TPS3R yang dibangun", "unit", "maks", 4, 2, "output")),
                out("Tersedianya armada pengangkut sampah",
                    ("Jumlah armada pengangkut sampah yang beroperasi", "unit", "maks", 22, 2, "output")),
                out("Terbentuknya bank sampah aktif",
                    ("Jumlah bank sampah aktif", "unit", "maks", 65, 10, "output")),
            ], asal="2"),
            im("Meningkatnya ketaatan pelaku usaha terhadap izin lingkungan", "Penataan dan Penaatan", [
                ("Persentase usaha/kegiatan yang taat terhadap persetujuan lingkungan", "%", "maks", 63.0, 5.0, "outcome"),
            ], [
                out("Terlaksananya pengawasan usaha dan kegiatan",
                    ("Jumlah usaha/kegiatan yang diawasi", "usaha", "maks", 40, 5, "output")),
                # PLANTED: an output whose indicators are all still candidates.
                out("Terpantaunya kualitas air sungai",
                    ("Jumlah titik pantau kualitas air sungai", "titik", "maks", 18, 2, "output", dict(dipilih=False))),
            ], asal="3"),
        ])]),
    opd("2.15.0.00.0.00.01.0000", "Dinas Perhubungan", "Dishub", "dinas", "SD.3", "Kepala Dinas Perhubungan",
        problems=[
            ("1", "Tingginya angka kecelakaan lalu lintas", [], "internal", "YYYY", (5, 5, 3), "inti"),
            ("2", "Kurangnya perlengkapan jalan di ruas rawan kecelakaan", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Rendahnya kelaikan kendaraan angkutan umum", ["1"], "internal", "YYYY", (3, 4, 3), ""),
            ("4", "Terbatasnya layanan angkutan umum perdesaan", [], "internal", "YYYY", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya keselamatan dan pelayanan transportasi", [
            ("Angka kecelakaan lalu lintas per 10.000 kendaraan", "kejadian", "min", 9.5, -0.4, "outcome"),
            ("Persentase desa yang terlayani angkutan umum", "%", "maks", 46.0, 3.0, "outcome"),
        ], [
            im("Meningkatnya keselamatan lalu lintas jalan", "Lalu Lintas", [
                # PLANTED: a maximise indicator whose 2027 target falls.
                ("Persentase ruas jalan kabupaten dengan perlengkapan jalan memadai", "%", "maks", 52.0, 4.0, "outcome",
                 dict(targets=[56, 60, 58, 64, 68])),
            ], [
                out("Terpasangnya rambu dan marka jalan",
                    ("Panjang ruas jalan yang dipasangi rambu dan marka", "km", "maks", 35, 5, "output")),
                out("Terpasangnya penerangan jalan umum di ruas rawan",
                    ("Jumlah titik PJU yang dipasang", "titik", "maks", 150, 25, "output")),
                out("Terlaksananya uji berkala kendaraan bermotor",
                    ("Jumlah kendaraan wajib uji yang diuji", "unit", "maks", 5200, 200, "output")),
            ], asal="2"),
            im("Meningkatnya layanan angkutan umum perdesaan", "Angkutan", [
                ("Jumlah trayek angkutan perdesaan yang beroperasi", "trayek", "maks", 14, 2, "outcome"),
            ], [
                out("Tersedianya subsidi angkutan perdesaan",
                    ("Jumlah trayek yang disubsidi", "trayek", "maks", 4, 2, "output")),
                out("Terbangunnya halte di jalur angkutan perdesaan",
                    ("Jumlah halte yang dibangun", "unit", "maks", 10, 5, "output")),
            ], asal="4"),
        ])]),
    opd("1.05.0.00.0.00.02.0000", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan", "SD.3",
        "Kepala Pelaksana BPBD",
        problems=[
            ("1", "Tingginya risiko bencana banjir dan tanah longsor", [], "internal", "YYYY", (5, 5, 4), "inti"),
            ("2", "Rendahnya kesiapsiagaan masyarakat di desa rawan bencana", ["1"], "internal", "YYYY", (4, 4, 4), ""),
            ("3", "Kurangnya sistem peringatan dini", ["2"], "internal", "YYYY", (4, 4, 3), ""),
        ],
        # PLANTED: a chain of single children, intermediate -> immediate -> immediate -> output.
        tree=[("Meningkatnya ketangguhan daerah dalam menghadapi bencana", [
            ("Indeks Risiko Bencana", "indeks", "min", 144.2, -3.0, "outcome"),
        ], [
            im("Meningkatnya kapasitas desa dalam penanggulangan bencana", "Pencegahan dan Kesiapsiagaan", [
                ("Persentase desa rawan bencana yang berstatus desa tangguh bencana", "%", "maks", 18.0, 6.0, "outcome"),
            ], [], asal="2", children=[
                im("Meningkatnya kesiapsiagaan masyarakat di desa rawan bencana", "Pencegahan dan Kesiapsiagaan", [
                    ("Persentase desa rawan bencana dengan rencana kontinjensi", "%", "maks", 22.0, 6.0, "outcome"),
                ], [
                    out("Terbentuknya desa tangguh bencana",
                        ("Jumlah desa tangguh bencana yang dibentuk", "desa", "maks", 8, 4, "output")),
                ], asal="3"),
            ]),
        ])]),
    opd("5.01.0.00.0.00.01.0000", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", "badan", "SD.4",
        "Kepala Bapperida",
        problems=[
            ("1", "Rendahnya keselarasan dokumen perencanaan dan penganggaran", [], "internal", "YYYY", (5, 4, 4), "inti"),
            ("2", "Lemahnya penerapan penjenjangan kinerja di perangkat daerah", ["1"], "internal", "YYYY", (4, 4, 4), ""),
            ("3", "Terbatasnya data statistik sektoral yang mutakhir", ["1"], "eksternal", "YYYY", (4, 3, 3), ""),
            ("4", "Rendahnya pemanfaatan hasil riset dan inovasi daerah", [], "internal", "YYYY", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya kualitas perencanaan pembangunan daerah", [
            ("Persentase keselarasan program RKPD dengan RPJMD", "%", "maks", 86.0, 2.5, "outcome"),
            ("Nilai evaluasi SAKIP komponen perencanaan kinerja", "nilai", "maks", 19.2, 1.2, "outcome"),
        ], [
            im("Meningkatnya kualitas dokumen perencanaan perangkat daerah", "Perencanaan, Pengendalian dan Evaluasi", [
                ("Persentase Renstra/Renja perangkat daerah yang selaras dengan pohon kinerja", "%", "maks", 45.0, 10.0, "outcome"),
            ], [
                out("Terlaksananya asistensi pohon kinerja perangkat daerah",
                    ("Jumlah perangkat daerah yang mengikuti asistensi pohon kinerja", "OPD", "maks", 20, 5, "output")),
                out("Tersusunnya dokumen RKPD tepat waktu",
                    ("Jumlah dokumen RKPD yang ditetapkan tepat waktu", "dokumen", "maks", 1, 0, "output")),
                out("Terlaksananya evaluasi pengendalian RKPD triwulanan",
                    ("Jumlah laporan evaluasi RKPD", "laporan", "maks", 4, 0, "output")),
            ], asal="2"),
            im("Meningkatnya ketersediaan data dan statistik sektoral", "Data dan Informasi Pembangunan", [
                ("Persentase indikator kinerja daerah yang tersedia datanya", "%", "maks", 70.0, 5.0, "outcome"),
            ], [
                out("Tersusunnya buku data statistik sektoral daerah",
                    ("Jumlah publikasi statistik sektoral", "dokumen", "maks", 1, 0, "output")),
                out("Terlaksananya pembinaan walidata perangkat daerah",
                    ("Jumlah walidata pendukung yang dibina", "orang", "maks", 30, 5, "output")),
            ], asal="3"),
            im("Meningkatnya pemanfaatan riset dan inovasi daerah", "Riset dan Inovasi", [
                ("Jumlah inovasi daerah yang diterapkan", "inovasi", "maks", 25, 8, "outcome"),
            ], [
                out("Terlaksananya kajian kebijakan pembangunan daerah",
                    ("Jumlah kajian yang ditindaklanjuti perangkat daerah", "kajian", "maks", 3, 1, "output")),
                out("Terselenggaranya kompetisi inovasi daerah",
                    ("Jumlah proposal inovasi yang diseleksi", "proposal", "maks", 40, 10, "output")),
            ], asal="4"),
        ])]),
    opd("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan", "SD.4",
        "Kepala BPKAD",
        problems=[
            ("1", "Tingginya temuan BPK atas pengelolaan aset daerah", [], "internal", "YYYY", (5, 4, 3), "inti"),
            ("2", "Belum optimalnya penatausahaan barang milik daerah", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Rendahnya kompetensi pengelola keuangan di perangkat daerah", ["1"], "internal", "YYYY", (4, 3, 3), ""),
        ],
        tree=[("Meningkatnya akuntabilitas pengelolaan keuangan dan aset daerah", [
            ("Opini BPK atas laporan keuangan daerah (skor: WTP = 4)", "skor", "maks", 4, 0, "outcome"),
            ("Persentase rekomendasi BPK atas aset yang ditindaklanjuti", "%", "maks", 72.0, 5.0, "outcome"),
        ], [
            im("Meningkatnya tertib penatausahaan barang milik daerah", "Aset", [
                ("Persentase aset tanah yang bersertifikat", "%", "maks", 54.0, 6.0, "outcome", dict(gap=1.5)),
            ], [
                out("Tersertifikasinya bidang tanah milik pemerintah daerah",
                    ("Jumlah bidang tanah yang disertifikatkan", "bidang", "maks", 120, 30, "output")),
                out("Terlaksananya inventarisasi dan rekonsiliasi aset",
                    ("Jumlah perangkat daerah yang direkonsiliasi asetnya", "OPD", "maks", 40, 0, "output")),
            ], asal="2"),
            im("Meningkatnya kualitas penatausahaan keuangan perangkat daerah", "Akuntansi dan Perbendaharaan", [
                ("Persentase SPJ perangkat daerah yang lengkap dan tepat waktu", "%", "maks", 81.0, 3.0, "outcome"),
            ], [
                out("Terlaksananya bimbingan teknis pengelola keuangan",
                    ("Jumlah bendahara dan PPK-SKPD yang dibimbing", "orang", "maks", 120, 0, "output")),
                out("Tersusunnya laporan keuangan pemerintah daerah tepat waktu",
                    ("Jumlah LKPD yang disampaikan tepat waktu", "dokumen", "maks", 1, 0, "output")),
            ], asal="3"),
        ])]),
    opd("5.03.0.00.0.00.01.0000", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan", "SD.4",
        "Kepala BKPSDM",
        problems=[
            ("1", "Rendahnya indeks profesionalitas ASN", [], "internal", "YYYY", (4, 4, 3), "inti"),
            ("2", "Belum optimalnya penerapan sistem merit", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Terbatasnya kesempatan pengembangan kompetensi ASN", ["1"], "internal", "YYYY", (3, 4, 3), ""),
        ],
        tree=[("Meningkatnya profesionalitas aparatur sipil negara", [
            ("Indeks Profesionalitas ASN", "indeks", "maks", 71.0, 2.0, "outcome"),
            ("Indeks Sistem Merit", "indeks", "maks", 0.62, 0.04, "outcome"),
        ], [
            im("Meningkatnya penerapan manajemen kinerja ASN", "Penilaian Kinerja dan Penghargaan", [
                ("Persentase ASN yang SKP-nya selaras dengan pohon kinerja perangkat daerah", "%", "maks", 35.0, 12.0, "outcome"),
            ], [
                out("Terlaksananya pendampingan penyusunan SKP berbasis cascading",
                    ("Jumlah perangkat daerah yang didampingi penyusunan SKP", "OPD", "maks", 12, 6, "output")),
                out("Terselenggaranya penilaian kinerja ASN secara elektronik",
                    ("Persentase ASN yang dinilai melalui e-kinerja", "%", "maks", 80, 5, "output")),
            ], asal="2"),
            im("Meningkatnya kompetensi ASN", "Pengembangan Kompetensi", [
                ("Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", "%", "maks", 48.0, 8.0, "outcome"),
            ], [
                out("Terselenggaranya pelatihan teknis dan fungsional ASN",
                    ("Jumlah ASN yang mengikuti pelatihan", "orang", "maks", 600, 100, "output")),
                out("Terselenggaranya uji kompetensi jabatan",
                    ("Jumlah ASN yang mengikuti uji kompetensi", "orang", "maks", 150, 30, "output")),
            ], asal="3"),
        ])]),
    opd("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", "inspektorat", "SD.4", "Inspektur",
        problems=[
            ("1", "Rendahnya maturitas penyelenggaraan SPIP", [], "internal", "YYYY", (4, 4, 3), "inti"),
            ("2", "Rendahnya tindak lanjut rekomendasi hasil pengawasan", ["1"], "internal", "YYYY", (3, 4, 3), ""),
            ("3", "Kurangnya auditor dengan sertifikasi jabatan fungsional", ["1"], "internal", "YYYY", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah", [
            ("Persentase penurunan temuan keuangan yang bersifat materiil", "%", "maks", 50.0, 5.0, "outcome",
             dict(real=[55.0, None],
                  definisi="Penurunan jumlah temuan pemeriksaan BPK yang bersifat materiil dibanding tahun sebelumnya",
                  alasan="Mengukur hasil pengawasan intern terhadap akuntabilitas keuangan daerah",
                  formula="((Temuan materiil tahun lalu - temuan materiil tahun ini) / temuan materiil tahun lalu) × 100%",
                  sumber_data="LHP BPK atas LKPD")),
            ("Tingkat maturitas SPIP", "level", "maks", 3.0, 0.2, "outcome",
             dict(definisi="Level maturitas penyelenggaraan SPIP Pemda hasil penilaian mandiri yang dijamin kualitasnya oleh BPKP (skala 1-5)",
                  sumber_data="Laporan penjaminan kualitas BPKP")),
            ("Kapabilitas APIP", "level", "maks", 3.0, 0.0, "outcome"),
        ], [
            im("Meningkatnya kualitas pengawasan internal", "Inspektur Pembantu Wilayah I", [
                ("Persentase rekomendasi hasil pengawasan yang ditindaklanjuti", "%", "maks", 82.0, 3.0, "outcome"),
            ], [
                out("Terlaksananya audit kinerja perangkat daerah",
                    ("Jumlah perangkat daerah yang diaudit kinerjanya", "OPD", "maks", 20, 4, "output")),
                out("Terlaksananya reviu laporan keuangan dan LKjIP",
                    ("Jumlah laporan hasil reviu", "laporan", "maks", 4, 0, "output")),
                out("Terpantaunya tindak lanjut hasil pemeriksaan",
                    ("Jumlah laporan pemantauan tindak lanjut", "laporan", "maks", 2, 0, "output")),
            ], asal="2"),
            im("Meningkatnya kapasitas aparat pengawas intern pemerintah", "Sekretariat Inspektorat", [
                ("Persentase auditor bersertifikat jabatan fungsional", "%", "maks", 64.0, 6.0, "outcome"),
            ], [
                out("Terselenggaranya pendidikan dan pelatihan sertifikasi auditor",
                    ("Jumlah auditor yang mengikuti diklat sertifikasi", "orang", "maks", 6, 2, "output")),
                out("Terlaksananya penjaminan kualitas internal",
                    ("Jumlah kegiatan quality assurance", "kegiatan", "maks", 4, 1, "output")),
            ], asal="3"),
        ])]),
    opd("2.16.0.00.0.00.01.0000", "Dinas Komunikasi dan Informatika", "Diskominfo", "dinas", "SD.4",
        "Kepala Dinas Komunikasi dan Informatika",
        problems=[
            ("1", "Rendahnya indeks SPBE", [], "internal", "YYYY", (4, 4, 4), "inti"),
            ("2", "Belum terintegrasinya aplikasi layanan perangkat daerah", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Terbatasnya jaringan internet di kantor desa", ["1"], "eksternal", "YYYT", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya penerapan sistem pemerintahan berbasis elektronik", [
            ("Indeks SPBE", "indeks", "maks", 2.6, 0.2, "outcome"),
            ("Indeks Keterbukaan Informasi Publik", "indeks", "maks", 72.0, 2.0, "outcome"),
        ], [
            im("Meningkatnya integrasi layanan digital pemerintah daerah", "Aplikasi Informatika", [
                ("Persentase layanan publik yang terintegrasi dalam portal layanan", "%", "maks", 30.0, 12.0, "outcome"),
            ], [
                out("Terintegrasinya aplikasi layanan perangkat daerah",
                    ("Jumlah aplikasi yang terintegrasi", "aplikasi", "maks", 12, 6, "output")),
                out("Tersedianya pusat data daerah yang andal",
                    ("Persentase ketersediaan layanan pusat data (uptime)", "%", "maks", 98.5, 0.2, "output")),
            ], asal="2"),
            im("Meningkatnya keterbukaan informasi publik", "Informasi dan Komunikasi Publik", [
                ("Persentase perangkat daerah yang memutakhirkan informasi publik secara berkala", "%", "maks", 60.0, 8.0, "outcome"),
            ], [
                out("Terkelolanya PPID perangkat daerah",
                    ("Jumlah PPID pembantu yang dibina", "PPID", "maks", 25, 5, "output")),
            ]),
            # PLANTED: an output straight under an intermediate outcome (a level skipped).
            ("output", out("Tersedianya jaringan internet di kantor desa",
                           ("Jumlah kantor desa yang terhubung internet pemerintah", "desa", "maks", 90, 20, "output")),
             "3"),
        ])]),
    opd("2.18.0.00.0.00.01.0000", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas", "SD.2",
        "Kepala DPMPTSP",
        problems=[
            ("1", "Rendahnya realisasi investasi daerah", [], "internal", "YYYY", (4, 4, 4), "inti"),
            ("2", "Lamanya waktu penyelesaian perizinan berusaha", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Kurangnya promosi potensi investasi", ["1"], "internal", "YYYY", (3, 3, 3), ""),
        ],
        # PLANTED: the OPD's tree is not tied to a Pemda outcome (induk left empty).
        tree=[("Meningkatnya realisasi investasi dan kualitas pelayanan perizinan", [
            ("Nilai realisasi investasi", "miliar rupiah", "maks", 1850, 150, "outcome"),
            ("Indeks Kepuasan Masyarakat layanan perizinan", "nilai", "maks", 82.0, 1.0, "outcome"),
        ], [
            im("Meningkatnya kecepatan pelayanan perizinan berusaha", "Pelayanan Perizinan", [
                ("Persentase izin yang terbit sesuai standar waktu", "%", "maks", 84.0, 3.0, "outcome"),
            ], [
                out("Terlayaninya perizinan berusaha melalui OSS",
                    ("Jumlah perizinan berusaha yang diterbitkan", "izin", "maks", 3400, 200, "output")),
                out("Terlaksananya pendampingan pelaku usaha mikro dalam perizinan",
                    ("Jumlah pelaku usaha mikro yang didampingi", "pelaku usaha", "maks", 500, 100, "output")),
            ], asal="2"),
            im("Meningkatnya minat investor terhadap potensi daerah", "Promosi Penanaman Modal", [
                ("Jumlah minat investasi yang ditindaklanjuti", "proyek", "maks", 6, 2, "outcome"),
            ], [
                out("Tersusunnya profil proyek investasi siap tawar",
                    ("Jumlah profil proyek investasi", "dokumen", "maks", 3, 1, "output")),
                out("Terselenggaranya forum promosi investasi",
                    ("Jumlah forum promosi yang diikuti", "kegiatan", "maks", 3, 1, "output")),
            ], asal="3"),
        ])], ),
    opd("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "dinas", "SD.2",
        "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
        problems=[
            ("1", "Masih banyaknya desa berstatus tertinggal", [], "internal", "YYYY", (4, 4, 4), "inti"),
            ("2", "Rendahnya kapasitas aparatur pemerintah desa", ["1"], "internal", "YYYY", (4, 3, 3), ""),
            ("3", "Belum optimalnya pengelolaan BUMDes", ["1"], "internal", "YYYY", (3, 3, 4), ""),
        ],
        tree=[("Meningkatnya kemandirian desa", [
            ("Persentase desa berstatus maju dan mandiri", "%", "maks", 34.0, 5.0, "outcome"),
            ("Rata-rata Indeks Desa", "indeks", "maks", 66.2, 1.5, "outcome"),
        ], [
            im("Meningkatnya kapasitas tata kelola pemerintahan desa", "Pemerintahan Desa", [
                ("Persentase desa yang menetapkan APBDes tepat waktu", "%", "maks", 78.0, 4.0, "outcome"),
            ], [
                out("Terlaksananya peningkatan kapasitas aparatur desa",
                    ("Jumlah aparatur desa yang dilatih", "orang", "maks", 450, 50, "output")),
                out("Terlaksananya pembinaan pengelolaan keuangan desa",
                    ("Jumlah desa yang dibina pengelolaan keuangannya", "desa", "maks", 120, 20, "output")),
            ], asal="2"),
            im("Meningkatnya usaha ekonomi desa", "Pemberdayaan Ekonomi Masyarakat Desa", [
                ("Persentase BUMDes berklasifikasi maju", "%", "maks", 14.0, 4.0, "outcome"),
            ], [
                out("Terlaksananya pendampingan BUMDes",
                    ("Jumlah BUMDes yang didampingi", "BUMDes", "maks", 60, 15, "output")),
                out("Terfasilitasinya kemitraan BUMDes dengan pihak ketiga",
                    ("Jumlah kerja sama BUMDes yang difasilitasi", "kerja sama", "maks", 5, 3, "output")),
            ], asal="3"),
        ])]),
    opd("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", "sekretariat", "SD.4", "Sekretaris Daerah",
        problems=[
            ("1", "Rendahnya nilai reformasi birokrasi", [], "internal", "YYYY", (4, 4, 3), "inti"),
            ("2", "Belum tepatnya struktur organisasi perangkat daerah dengan beban kerja", ["1"], "internal", "YYYY", (3, 4, 3), ""),
            ("3", "Rendahnya kualitas pelayanan publik di unit layanan", ["1"], "internal", "YYYY", (3, 4, 3), ""),
        ],
        tree=[("Meningkatnya kualitas reformasi birokrasi dan pelayanan publik", [
            ("Indeks Reformasi Birokrasi", "indeks", "maks", 58.1, 3.0, "outcome"),
            ("Indeks Pelayanan Publik", "indeks", "maks", 3.4, 0.15, "outcome"),
        ], [
            im("Meningkatnya efektivitas kelembagaan dan tata laksana", "Bagian Organisasi", [
                ("Persentase perangkat daerah dengan peta proses bisnis yang mutakhir", "%", "maks", 40.0, 12.0, "outcome"),
            ], [
                out("Tersusunnya peta proses bisnis perangkat daerah",
                    ("Jumlah peta proses bisnis yang disusun", "dokumen", "maks", 8, 6, "output")),
                out("Terlaksananya evaluasi kelembagaan perangkat daerah",
                    ("Jumlah perangkat daerah yang dievaluasi kelembagaannya", "OPD", "maks", 10, 5, "output")),
            ], asal="2"),
            im("Meningkatnya kualitas pelayanan publik", "Bagian Organisasi", [
                ("Persentase unit layanan dengan nilai IKM kategori baik", "%", "maks", 70.0, 5.0, "outcome"),
            ], [
                out("Terlaksananya survei kepuasan masyarakat di unit layanan",
                    ("Jumlah unit layanan yang disurvei", "unit", "maks", 30, 5, "output")),
                out("Terlaksananya pembinaan mal pelayanan publik",
                    ("Jumlah layanan yang bergabung di mal pelayanan publik", "layanan", "maks", 120, 30, "output")),
            ], asal="3"),
        ])]),
]

# Crosscutting requests: (needing node path, partner abbr or code, partner node path or
# None, role, status). Node paths are (abbr, "1.2") style; "1" is the intermediate.
CROSSCUTTING = [
    (("Dinkes", "1.1"), "DP3AP2KB", ("DP3AP2KB", "1.2"), "Pendampingan keluarga berisiko stunting oleh TPK", "disetujui"),
    (("Dinkes", "1.1"), "Distanpangan", ("Distanpangan", "1.4"), "Penyediaan pangan bergizi dan cadangan pangan untuk PMT", "disetujui"),
    (("Dinkes", "1"), "DPUPR", ("DPUPR", "1.2"), "Peningkatan akses sanitasi layak di desa lokus stunting", "usulan"),
    (("Dinkes", "1.3"), "BKPSDM", None, "Penempatan tenaga kesehatan strategis melalui formasi ASN", "usulan"),
    (("Disdikbud", "1.2"), "Dinsos", ("Dinsos", "1.1"), "Data siswa dari keluarga miskin (DTKS) untuk bantuan perlengkapan", "disetujui"),
    (("Disdikbud", "1.3"), "BKPSDM", ("BKPSDM", "1.2"), "Formasi dan redistribusi guru ASN", "ditolak"),
    (("Distanpangan", "1"), "DPUPR", ("DPUPR", "1.3"), "Rehabilitasi jaringan irigasi pada sentra padi", "disetujui"),
    (("Distanpangan", "1.1"), "DPMD", ("DPMD", "1.2"), "Penguatan BUMDes sebagai penyalur sarana produksi", "usulan"),
    (("Dinsos", "1.1"), "Disdukcapil", ("Disdukcapil", "1.3"), "Padanan NIK untuk pemutakhiran DTKS", "disetujui"),
    (("Dinsos", "1.3"), "DPMD", ("DPMD", "1.2"), "Pelibatan BUMDes dalam pemberdayaan KUBE", "ditolak"),
    (("DP3AP2KB", "1.1"), "Dinkes", ("Dinkes", "1.1"), "Layanan visum dan pemulihan kesehatan korban kekerasan", "disetujui"),
    (("DLH", "1.1"), "DPMD", None, "Alokasi dana desa untuk TPS3R dan bank sampah", "usulan"),
    (("Dishub", "1.1"), "DPUPR", ("DPUPR", "1.1"), "Perbaikan geometrik ruas jalan rawan kecelakaan", "usulan"),
    (("BPBD", "1"), "DPUPR", ("DPUPR", "1.3"), "Normalisasi sungai dan tanggul pada daerah rawan banjir", "disetujui"),
    # PLANTED: a partner that is a vertical agency, not in the opd sheet (a warning, not an error).
    (("Bapperida", "1.2"), "BPS-3599", None, "Penyediaan data statistik dasar dan pembinaan statistik sektoral", "disetujui"),
    (("Bapperida", "1.1"), "BKPSDM", ("BKPSDM", "1.1"), "Penyelarasan SKP dengan pohon kinerja perangkat daerah", "disetujui"),
    (("Diskominfo", "1.1"), "Disdukcapil", ("Disdukcapil", "1.3"), "Akses data kependudukan untuk integrasi layanan", "usulan"),
    (("Setda", "1.2"), "DPMPTSP", ("DPMPTSP", "1.1"), "Layanan perizinan di mal pelayanan publik", "disetujui"),
    (("Inspektorat", "1.1"), "BPKAD", ("BPKAD", "1.1"), "Penyelesaian tindak lanjut temuan aset", "disetujui"),
]

OPDS += [
    opd("1.02.0.00.0.00.02.0000", "Rumah Sakit Umum Daerah dr. Soedarsono", "RSUD", "rumah sakit", "SD.1",
        "Direktur RSUD",
        problems=[
            ("1", "Tingginya angka kematian pasien di rumah sakit", [], "internal", "YYYY", (4, 5, 3), "akibat"),
            ("2", "Rendahnya mutu pelayanan rumah sakit", ["1"], "internal", "YYYY", (5, 4, 4), "inti"),
            ("3", "Lamanya waktu tunggu rawat jalan", ["2"], "internal", "YYYY", (4, 3, 4), ""),
            ("4", "Kurangnya dokter spesialis dasar dan penunjang", ["2"], "internal", "YYYY", (4, 4, 3), ""),
            ("5", "Belum optimalnya sistem rujukan dari puskesmas", ["2"], "eksternal", "YYYY", (3, 4, 3), ""),
        ],
        tree=[("Meningkatnya mutu pelayanan kesehatan rujukan", [
            ("Net Death Rate", "per mil", "min", 24.0, -1.0, "outcome"),
            ("Indeks Kepuasan Masyarakat RSUD", "nilai", "maks", 78.5, 1.2, "outcome"),
        ], [
            im("Meningkatnya mutu pelayanan medis", "Pelayanan Medis", [
                ("Persentase indikator nasional mutu rumah sakit yang tercapai", "%", "maks", 69.0, 5.0, "outcome"),
            ], [
                out("Terpenuhinya dokter spesialis dasar dan penunjang",
                    ("Jumlah jenis pelayanan spesialis yang tersedia", "jenis", "maks", 11, 1, "output")),
                out("Terlaksananya audit klinis kasus kematian",
                    ("Jumlah audit klinis yang dilaksanakan", "kasus", "maks", 12, 0, "output")),
                out("Tersedianya alat kesehatan sesuai standar kelas rumah sakit",
                    ("Persentase alat kesehatan sesuai standar ASPAK", "%", "maks", 72, 5, "output")),
            ], asal="4"),
            im("Meningkatnya kecepatan pelayanan rawat jalan", "Pelayanan Penunjang", [
                ("Rata-rata waktu tunggu rawat jalan", "menit", "min", 75, -8, "outcome", dict(gap=1.4)),
            ], [
                out("Tersedianya pendaftaran daring rawat jalan",
                    ("Persentase pasien yang mendaftar daring", "%", "maks", 25, 8, "output")),
                out("Terintegrasinya rekam medis elektronik",
                    ("Persentase poliklinik yang memakai rekam medis elektronik", "%", "maks", 40, 15, "output")),
                out("Terlaksananya penataan alur pelayanan farmasi",
                    ("Rata-rata waktu tunggu obat racikan", "menit", "min", 60, -5, "output")),
            ], asal="3"),
            im("Meningkatnya efektivitas sistem rujukan", "Pelayanan Keperawatan", [
                ("Persentase rujukan balik yang terlaksana", "%", "maks", 30.0, 6.0, "outcome"),
            ], [
                out("Terlaksananya bimbingan teknis rujukan bagi puskesmas",
                    ("Jumlah puskesmas yang dibimbing sistem rujukan", "puskesmas", "maks", 10, 5, "output")),
                out("Tersedianya layanan gawat darurat terpadu",
                    ("Persentase pasien gawat darurat tertangani kurang dari 5 menit", "%", "maks", 88, 2, "output")),
            ], asal="5"),
        ])]),
    opd("2.17.0.00.0.00.01.0000", "Dinas Koperasi, Usaha Kecil dan Menengah, dan Perdagangan", "Diskopumdag", "dinas", "SD.2",
        "Kepala Dinas Koperasi, UKM dan Perdagangan",
        problems=[
            ("1", "Rendahnya daya saing usaha mikro dan kecil", [], "internal", "YYYY", (4, 4, 4), "inti"),
            ("2", "Terbatasnya akses UMKM terhadap pembiayaan", ["1"], "eksternal", "YYYY", (4, 4, 3), ""),
            ("3", "Rendahnya kualitas produk dan kemasan UMKM", ["1"], "internal", "YYYY", (3, 4, 4), ""),
            ("4", "Tingginya fluktuasi harga bahan pokok", [], "eksternal", "YYYT", (4, 4, 3), ""),
        ],
        tree=[("Meningkatnya daya saing koperasi, UMKM dan perdagangan", [
            ("Kontribusi UMKM terhadap PDRB", "%", "maks", 58.0, 0.8, "outcome"),
            ("Persentase koperasi aktif", "%", "maks", 61.0, 3.0, "outcome"),
        ], [
            im("Meningkatnya kapasitas usaha mikro", "Usaha Mikro", [
                ("Persentase usaha mikro binaan yang naik kelas", "%", "maks", 6.0, 1.5, "outcome"),
            ], [
                out("Terlaksananya pelatihan kewirausahaan dan digital marketing",
                    ("Jumlah pelaku usaha mikro yang dilatih", "orang", "maks", 400, 50, "output")),
                out("Terfasilitasinya sertifikasi halal dan PIRT produk UMKM",
                    ("Jumlah produk UMKM yang tersertifikasi", "produk", "maks", 150, 30, "output")),
                out("Terfasilitasinya akses pembiayaan UMKM",
                    ("Jumlah UMKM yang mengakses KUR", "UMKM", "maks", 900, 100, "output")),
            ], asal="3"),
            im("Meningkatnya kesehatan koperasi", "Koperasi", [
                ("Persentase koperasi yang menyelenggarakan RAT", "%", "maks", 48.0, 5.0, "outcome"),
            ], [
                out("Terlaksananya pemeriksaan dan penilaian kesehatan koperasi",
                    ("Jumlah koperasi yang dinilai kesehatannya", "koperasi", "maks", 40, 10, "output")),
                out("Terlatihnya pengurus dan pengawas koperasi",
                    ("Jumlah pengurus koperasi yang dilatih", "orang", "maks", 120, 20, "output")),
            ], asal="2"),
            im("Meningkatnya stabilitas harga dan ketersediaan bahan pokok", "Perdagangan", [
                ("Koefisien variasi harga bahan pokok", "%", "min", 9.0, -0.5, "outcome"),
            ], [
                out("Terlaksananya pemantauan harga bahan pokok harian",
                    ("Jumlah pasar yang dipantau harganya", "pasar", "maks", 8, 1, "output")),
                out("Terselenggaranya operasi pasar murah",
                    ("Jumlah kegiatan pasar murah", "kegiatan", "maks", 12, 2, "output")),
                out("Terpeliharanya sarana pasar rakyat",
                    ("Jumlah pasar rakyat yang direvitalisasi", "pasar", "maks", 2, 1, "output")),
            ], asal="4"),
        ])]),
    opd("2.07.0.00.0.00.01.0000", "Dinas Tenaga Kerja", "Disnaker", "dinas", "SD.2", "Kepala Dinas Tenaga Kerja",
        problems=[
            ("1", "Tingginya tingkat pengangguran terbuka usia muda", [], "internal", "YYYY", (5, 4, 4), "inti"),
            ("2", "Rendahnya keterampilan angkatan kerja sesuai kebutuhan industri", ["1"], "internal", "YYYY", (4, 4, 4), ""),
            ("3", "Kurangnya informasi lowongan kerja yang terjangkau pencari kerja", ["1"], "internal", "YYYY", (3, 3, 3), ""),
        ],
        tree=[("Meningkatnya penyerapan tenaga kerja lokal", [
            ("Persentase pencari kerja terdaftar yang ditempatkan", "%", "maks", 28.0, 3.0, "outcome"),
            ("Tingkat partisipasi angkatan kerja", "%", "maks", 68.2, 0.5, "outcome"),
        ], [
            im("Meningkatnya kompetensi calon tenaga kerja", "Pelatihan dan Produktivitas", [
                ("Persentase lulusan pelatihan berbasis kompetensi yang bekerja", "%", "maks", 42.0, 5.0, "outcome"),
            ], [
                out("Terselenggaranya pelatihan berbasis kompetensi di BLK",
                    ("Jumlah peserta pelatihan BLK", "orang", "maks", 480, 60, "output")),
                out("Tersertifikasinya lulusan pelatihan kerja",
                    ("Jumlah lulusan yang memperoleh sertifikat kompetensi", "orang", "maks", 300, 50, "output")),
                out("Terjalinnya kerja sama pelatihan dengan industri",
                    ("Jumlah perusahaan mitra pelatihan pemagangan", "perusahaan", "maks", 15, 3, "output")),
            ], asal="2"),
            im("Meningkatnya layanan penempatan tenaga kerja", "Penempatan dan Perluasan Kesempatan Kerja", [
                ("Jumlah pencari kerja yang ditempatkan", "orang", "maks", 1900, 200, "outcome"),
            ], [
                out("Terselenggaranya bursa kerja daring dan luring",
                    ("Jumlah lowongan yang ditayangkan di bursa kerja", "lowongan", "maks", 3500, 300, "output")),
                out("Terlaksananya pendampingan wirausaha baru",
                    ("Jumlah wirausaha baru yang didampingi", "orang", "maks", 150, 25, "output")),
            ], asal="3"),
            im("Meningkatnya perlindungan dan hubungan industrial yang harmonis", "Hubungan Industrial", [
                ("Persentase perselisihan hubungan industrial yang diselesaikan", "%", "maks", 85.0, 2.0, "outcome"),
            ], [
                out("Terfasilitasinya penyelesaian perselisihan hubungan industrial",
                    ("Jumlah kasus perselisihan yang dimediasi", "kasus", "maks", 40, 0, "output")),
                out("Terdaftarnya pekerja rentan dalam jaminan sosial ketenagakerjaan",
                    ("Jumlah pekerja rentan yang didaftarkan BPJS Ketenagakerjaan", "orang", "maks", 6000, 1000, "output")),
            ]),
        ])]),
    opd("1.04.0.00.0.00.01.0000", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "dinas", "SD.3",
        "Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman",
        problems=[
            ("1", "Tingginya jumlah rumah tidak layak huni", [], "internal", "YYYY", (4, 4, 4), "inti"),
            ("2", "Luasnya kawasan permukiman kumuh", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Rendahnya kemampuan keluarga miskin memperbaiki rumah", ["1"], "eksternal", "YYYY", (4, 3, 3), ""),
        ],
        tree=[("Meningkatnya kualitas perumahan dan kawasan permukiman", [
            ("Persentase rumah tangga yang menempati rumah layak huni", "%", "maks", 79.0, 2.0, "outcome"),
            ("Luas kawasan permukiman kumuh", "ha", "min", 142.0, -18.0, "outcome"),
        ], [
            im("Meningkatnya kelayakan rumah keluarga berpenghasilan rendah", "Perumahan", [
                ("Persentase rumah tidak layak huni yang tertangani", "%", "maks", 9.0, 4.0, "outcome"),
            ], [
                out("Terehabilitasinya rumah tidak layak huni",
                    ("Jumlah rumah tidak layak huni yang direhabilitasi", "unit", "maks", 350, 50, "output")),
                out("Terverifikasinya data rumah tidak layak huni",
                    ("Jumlah desa dengan data RTLH terverifikasi", "desa", "maks", 90, 30, "output")),
            ], asal="3"),
            im("Meningkatnya kualitas kawasan permukiman", "Kawasan Permukiman", [
                ("Persentase kawasan kumuh yang tertangani", "%", "maks", 20.0, 12.0, "outcome"),
            ], [
                out("Terbangunnya jalan lingkungan dan drainase di kawasan kumuh",
                    ("Panjang jalan lingkungan yang dibangun", "m", "maks", 4200, 500, "output")),
                out("Terbangunnya penerangan jalan lingkungan",
                    ("Jumlah titik PJL yang dibangun", "titik", "maks", 80, 20, "output")),
                out("Tersedianya ruang terbuka hijau permukiman",
                    ("Luas RTH permukiman yang ditata", "m2", "maks", 3000, 500, "output")),
            ], asal="2"),
            im("Meningkatnya kepastian hukum prasarana perumahan", "Pertanahan", [
                ("Persentase PSU perumahan yang telah diserahkan pengembang", "%", "maks", 35.0, 8.0, "outcome"),
            ], [
                out("Terfasilitasinya penyerahan PSU perumahan",
                    ("Jumlah perumahan yang PSU-nya diserahkan", "perumahan", "maks", 6, 3, "output")),
                out("Terselesaikannya sengketa tanah untuk kepentingan umum",
                    ("Jumlah sengketa tanah yang difasilitasi", "kasus", "maks", 5, 1, "output")),
            ]),
        ])]),
    opd("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "SatpolPP", "satuan", "SD.4",
        "Kepala Satuan Polisi Pamong Praja",
        problems=[
            ("1", "Rendahnya ketaatan masyarakat terhadap peraturan daerah", [], "internal", "YYYY", (4, 3, 3), "inti"),
            ("2", "Kurangnya sosialisasi peraturan daerah", ["1"], "internal", "YYYY", (3, 3, 3), ""),
            ("3", "Lambatnya penanganan kebakaran di wilayah pinggiran", [], "internal", "YYYY", (3, 4, 2), ""),
        ],
        tree=[("Meningkatnya ketenteraman, ketertiban umum dan perlindungan masyarakat", [
            ("Persentase penegakan perda yang diselesaikan", "%", "maks", 74.0, 3.0, "outcome"),
            ("Persentase kebakaran yang tertangani sesuai waktu tanggap", "%", "maks", 71.0, 4.0, "outcome"),
        ], [
            im("Meningkatnya ketaatan terhadap peraturan daerah", "Penegakan Perundang-undangan Daerah", [
                ("Persentase pelanggar perda yang tidak mengulangi pelanggaran", "%", "maks", 80.0, 2.0, "outcome"),
            ], [
                out("Terlaksananya patroli ketertiban umum",
                    ("Jumlah patroli ketertiban umum", "kali", "maks", 360, 0, "output")),
                out("Terselenggaranya penyuluhan peraturan daerah",
                    ("Jumlah peserta penyuluhan perda", "orang", "maks", 600, 100, "output")),
            ], asal="2"),
            im("Meningkatnya kecepatan penanganan kebakaran", "Pemadam Kebakaran dan Penyelamatan", [
                ("Rata-rata waktu tanggap kebakaran", "menit", "min", 18.0, -1.0, "outcome"),
            ], [
                out("Terbangunnya pos pemadam kebakaran di wilayah pinggiran",
                    ("Jumlah pos damkar yang beroperasi", "pos", "maks", 3, 1, "output")),
                out("Tersedianya armada dan peralatan pemadam kebakaran",
                    ("Jumlah armada damkar siap operasi", "unit", "maks", 7, 1, "output")),
                out("Terbentuknya relawan pemadam kebakaran",
                    ("Jumlah relawan damkar terlatih", "orang", "maks", 100, 40, "output")),
            ], asal="3"),
            im("Meningkatnya perlindungan masyarakat", "Perlindungan Masyarakat", [
                ("Persentase desa dengan satlinmas aktif", "%", "maks", 55.0, 6.0, "outcome"),
            ], [
                out("Terlatihnya anggota satuan perlindungan masyarakat",
                    ("Jumlah anggota satlinmas yang dilatih", "orang", "maks", 400, 50, "output")),
                out("Terlaksananya pengamanan kegiatan masyarakat dan pemerintahan",
                    ("Jumlah kegiatan yang diamankan", "kegiatan", "maks", 120, 0, "output")),
            ]),
        ])]),
    opd("3.26.0.00.0.00.01.0000", "Dinas Pariwisata, Pemuda dan Olahraga", "Disparpora", "dinas", "SD.2",
        "Kepala Dinas Pariwisata, Pemuda dan Olahraga",
        problems=[
            ("1", "Rendahnya kunjungan wisatawan dan lama tinggal", [], "internal", "YYYY", (4, 3, 4), "inti"),
            ("2", "Kurangnya amenitas di destinasi wisata", ["1"], "internal", "YYYY", (4, 3, 3), ""),
            ("3", "Lemahnya promosi destinasi wisata", ["1"], "internal", "YYYY", (3, 3, 4), ""),
        ],
        tree=[("Meningkatnya kontribusi sektor pariwisata terhadap perekonomian daerah", [
            ("Jumlah kunjungan wisatawan", "kunjungan", "maks", 820000, 60000, "outcome"),
            ("Rata-rata lama tinggal wisatawan", "hari", "maks", 1.4, 0.1, "outcome"),
        ], [
            im("Meningkatnya daya tarik destinasi wisata", "Destinasi Pariwisata", [
                ("Jumlah destinasi wisata dengan amenitas memadai", "destinasi", "maks", 9, 3, "outcome"),
            ], [
                out("Terbangunnya amenitas di destinasi prioritas",
                    ("Jumlah destinasi yang dibangun amenitasnya", "destinasi", "maks", 2, 1, "output")),
                out("Terbinanya desa wisata",
                    ("Jumlah desa wisata yang dibina", "desa", "maks", 12, 3, "output")),
            ], asal="2"),
            im("Meningkatnya jangkauan promosi pariwisata", "Pemasaran Pariwisata", [
                ("Jumlah wisatawan nusantara dari luar provinsi", "orang", "maks", 96000, 9000, "outcome"),
            ], [
                out("Terselenggaranya kalender event pariwisata",
                    ("Jumlah event pariwisata yang diselenggarakan", "event", "maks", 8, 2, "output")),
                out("Terlaksananya promosi digital destinasi wisata",
                    ("Jangkauan konten promosi digital", "akun", "maks", 450000, 80000, "output")),
            ], asal="3"),
            im("Meningkatnya prestasi olahraga dan peran pemuda", "Pemuda dan Olahraga", [
                ("Jumlah medali pada Porprov", "medali", "maks", 42, 0, "outcome"),
            ], [
                out("Terlaksananya pembinaan atlet berprestasi",
                    ("Jumlah atlet yang dibina", "orang", "maks", 160, 20, "output")),
                out("Terfasilitasinya organisasi kepemudaan",
                    ("Jumlah organisasi kepemudaan yang difasilitasi", "organisasi", "maks", 20, 5, "output")),
            ]),
        ])]),
    opd("3.25.0.00.0.00.01.0000", "Dinas Perikanan", "Diskan", "dinas", "SD.2", "Kepala Dinas Perikanan",
        problems=[
            ("1", "Rendahnya produksi perikanan budidaya", [], "internal", "YYYY", (4, 4, 3), "inti"),
            ("2", "Tingginya harga pakan ikan", ["1"], "eksternal", "YYYT", (4, 4, 3), ""),
            ("3", "Kurangnya benih ikan bermutu", ["1"], "internal", "YYYY", (4, 3, 3), ""),
        ],
        tree=[("Meningkatnya produksi dan nilai tambah perikanan", [
            ("Produksi perikanan budidaya", "ton", "maks", 14800, 600, "outcome"),
            ("Angka konsumsi ikan", "kg/kapita/tahun", "maks", 33.5, 1.0, "outcome"),
        ], [
            im("Meningkatnya produktivitas pembudidaya ikan", "Perikanan Budidaya", [
                ("Produktivitas kolam budidaya", "ton/ha", "maks", 8.2, 0.3, "outcome"),
            ], [
                out("Tersalurkannya benih ikan bermutu kepada pembudidaya",
                    ("Jumlah benih ikan yang disalurkan", "ribu ekor", "maks", 1800, 200, "output")),
                out("Tersedianya pakan mandiri bagi kelompok pembudidaya",
                    ("Jumlah kelompok yang memproduksi pakan mandiri", "kelompok", "maks", 8, 3, "output")),
                out("Terlaksananya penyuluhan cara budidaya ikan yang baik",
                    ("Jumlah pembudidaya yang menerapkan CBIB", "orang", "maks", 120, 30, "output")),
            ], asal="3"),
            im("Meningkatnya nilai tambah produk perikanan", "Pengolahan dan Pemasaran", [
                ("Jumlah produk olahan ikan yang dipasarkan", "produk", "maks", 35, 5, "outcome"),
            ], [
                out("Terlatihnya pengolah hasil perikanan",
                    ("Jumlah pengolah ikan yang dilatih", "orang", "maks", 80, 20, "output")),
                out("Terselenggaranya kampanye gemar makan ikan",
                    ("Jumlah peserta kampanye gemar makan ikan", "orang", "maks", 2000, 500, "output")),
            ]),
            im("Meningkatnya kesehatan ikan dan lingkungan budidaya", "Kesehatan Ikan", [
                ("Persentase kasus penyakit ikan yang tertangani", "%", "maks", 70.0, 5.0, "outcome"),
            ], [
                out("Terlaksananya pemantauan penyakit ikan dan kualitas air",
                    ("Jumlah sampel penyakit ikan yang diuji", "sampel", "maks", 150, 25, "output")),
                out("Tersedianya obat ikan di sentra budidaya",
                    ("Jumlah sentra yang memperoleh obat ikan", "sentra", "maks", 6, 2, "output")),
            ], asal="2"),
        ])]),
    opd("5.04.0.00.0.00.01.0000", "Badan Pendapatan Daerah", "Bapenda", "badan", "SD.4", "Kepala Bapenda",
        problems=[
            ("1", "Rendahnya kemandirian fiskal daerah", [], "internal", "YYYY", (5, 4, 3), "inti"),
            ("2", "Belum mutakhirnya basis data objek pajak PBB-P2", ["1"], "internal", "YYYY", (4, 4, 3), ""),
            ("3", "Rendahnya kepatuhan wajib pajak daerah", ["1"], "internal", "YYYY", (4, 4, 3), ""),
        ],
        tree=[("Meningkatnya pendapatan asli daerah", [
            ("Rasio PAD terhadap pendapatan daerah", "%", "maks", 14.2, 0.8, "outcome"),
            ("Realisasi pendapatan asli daerah", "miliar rupiah", "maks", 312.0, 22.0, "outcome"),
        ], [
            im("Meningkatnya kualitas basis data pajak daerah", "Pendataan dan Penetapan", [
                ("Persentase objek PBB-P2 yang dimutakhirkan", "%", "maks", 22.0, 12.0, "outcome"),
            ], [
                out("Termutakhirkannya data objek dan subjek PBB-P2",
                    ("Jumlah desa yang dimutakhirkan data PBB-P2", "desa", "maks", 40, 20, "output")),
                out("Terpetakannya potensi pajak hotel, restoran dan reklame",
                    ("Jumlah objek pajak baru yang terdata", "objek", "maks", 220, 30, "output")),
            ], asal="2"),
            im("Meningkatnya kepatuhan wajib pajak daerah", "Penagihan dan Pelayanan", [
                ("Persentase ketetapan pajak yang dibayar tepat waktu", "%", "maks", 72.0, 3.0, "outcome"),
            ], [
                out("Tersedianya kanal pembayaran pajak daring",
                    ("Jumlah kanal pembayaran nontunai", "kanal", "maks", 6, 2, "output")),
                out("Terlaksananya penagihan aktif tunggakan pajak",
                    ("Nilai tunggakan pajak yang tertagih", "juta rupiah", "maks", 2500, 300, "output")),
                out("Terselenggaranya sosialisasi dan insentif wajib pajak",
                    ("Jumlah wajib pajak yang mengikuti sosialisasi", "orang", "maks", 1200, 200, "output")),
            ], asal="3"),
            im("Meningkatnya pengawasan pemungutan pajak daerah", "Pengendalian dan Evaluasi Pendapatan", [
                ("Persentase wajib pajak hotel dan restoran yang memakai alat rekam transaksi", "%", "maks", 30.0, 10.0, "outcome"),
            ], [
                out("Terpasangnya alat perekam transaksi usaha",
                    ("Jumlah alat perekam transaksi yang terpasang", "unit", "maks", 60, 30, "output")),
                out("Terlaksananya pemeriksaan pajak daerah",
                    ("Jumlah wajib pajak yang diperiksa", "wajib pajak", "maks", 30, 10, "output")),
            ]),
        ])]),
    opd("2.23.0.00.0.00.01.0000", "Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas", "SD.1",
        "Kepala Dinas Perpustakaan dan Kearsipan",
        problems=[
            ("1", "Rendahnya tingkat gemar membaca masyarakat", [], "internal", "YYYY", (3, 4, 3), "inti"),
            ("2", "Terbatasnya koleksi dan layanan perpustakaan desa", ["1"], "internal", "YYYY", (3, 3, 3), ""),
            ("3", "Rendahnya tertib arsip perangkat daerah", [], "internal", "YYYY", (3, 3, 2), ""),
        ],
        tree=[("Meningkatnya budaya literasi dan tertib arsip", [
            ("Tingkat Gemar Membaca", "nilai", "maks", 58.0, 2.0, "outcome"),
            ("Nilai pengawasan kearsipan", "nilai", "maks", 62.0, 4.0, "outcome"),
        ], [
            im("Meningkatnya pemanfaatan layanan perpustakaan", "Layanan Perpustakaan", [
                ("Jumlah kunjungan ke perpustakaan daerah dan desa", "kunjungan", "maks", 64000, 6000, "outcome"),
            ], [
                out("Tersedianya koleksi bahan pustaka yang mutakhir",
                    ("Jumlah judul koleksi baru", "judul", "maks", 1500, 200, "output")),
                out("Terlaksananya layanan perpustakaan keliling",
                    ("Jumlah desa yang dilayani perpustakaan keliling", "desa", "maks", 70, 10, "output")),
                out("Terbinanya perpustakaan desa dan sekolah",
                    ("Jumlah perpustakaan desa yang dibina", "perpustakaan", "maks", 40, 10, "output")),
            ], asal="2"),
            im("Meningkatnya tertib pengelolaan arsip", "Kearsipan", [
                ("Persentase perangkat daerah dengan nilai pengawasan arsip baik", "%", "maks", 35.0, 10.0, "outcome"),
            ], [
                out("Terlaksananya pembinaan arsiparis perangkat daerah",
                    ("Jumlah pengelola arsip yang dibina", "orang", "maks", 60, 10, "output")),
                out("Terselamatkannya arsip statis daerah",
                    ("Jumlah arsip statis yang diakuisisi", "berkas", "maks", 500, 100, "output")),
            ], asal="3"),
        ])]),
]

# Individual work plans (level aksi) under a few outputs: (output path, statement, jabatan).
AKSI = [
    (("Dinkes", "1.2.2"), "Terlaksananya sweeping imunisasi di desa dengan cakupan rendah", "Pengelola Program Imunisasi"),
    (("Dinkes", "1.2.2"), "Terkirimnya laporan cakupan imunisasi bulanan dari seluruh puskesmas", "Pengelola Data Surveilans"),
    (("Dinkes", "1.1.2"), "Terdistribusinya PMT lokal ke posyandu lokus stunting", "Nutrisionis Ahli Muda"),
    (("Bapperida", "1.1.1"), "Terverifikasinya draf pohon kinerja setiap perangkat daerah", "Perencana Ahli Muda"),
    (("Bapperida", "1.1.1"), "Tersusunnya rekap temuan asistensi pohon kinerja", "Perencana Ahli Pertama"),
    (("DPUPR", "1.1.2"), "Terlaksananya pemeliharaan rutin ruas jalan wilayah utara", "Pengawas Jalan dan Jembatan"),
]

# Second intermediate outcomes of the larger OPDs.
_SECOND = {
    "Dinkes": ("Meningkatnya perlindungan jaminan kesehatan dan kesehatan lingkungan", [
        ("Persentase penduduk yang memiliki jaminan kesehatan aktif", "%", "maks", 91.0, 1.5, "outcome"),
        ("Persentase desa yang melaksanakan STBM", "%", "maks", 62.0, 7.0, "outcome"),
    ], [
        im("Meningkatnya cakupan jaminan kesehatan penduduk", "Sumber Daya Kesehatan", [
            ("Persentase penduduk miskin yang ditanggung jaminan kesehatan", "%", "maks", 96.0, 1.0, "outcome"),
        ], [
            out("Terdaftarnya penduduk miskin sebagai peserta PBI daerah",
                ("Jumlah peserta PBI yang dibiayai APBD", "jiwa", "maks", 86000, 3000, "output")),
            out("Terverifikasinya kepesertaan jaminan kesehatan",
                ("Jumlah data kepesertaan yang diverifikasi", "jiwa", "maks", 20000, 5000, "output")),
        ]),
        im("Meningkatnya kualitas kesehatan lingkungan", "Kesehatan Masyarakat", [
            ("Persentase tempat pengelolaan pangan yang memenuhi syarat", "%", "maks", 48.0, 6.0, "outcome"),
        ], [
            out("Terlaksananya pemicuan STBM di desa",
                ("Jumlah desa yang dipicu STBM", "desa", "maks", 40, 10, "output")),
            out("Terlaksananya inspeksi kesehatan lingkungan",
                ("Jumlah tempat pengelolaan pangan yang diinspeksi", "tempat", "maks", 300, 50, "output")),
            out("Terpantaunya kualitas air minum",
                ("Jumlah sampel air minum yang diuji", "sampel", "maks", 400, 50, "output")),
        ], asal="6"),
    ]),
    "Disdikbud": ("Meningkatnya pelestarian dan pemajuan kebudayaan daerah", [
        ("Indeks Pembangunan Kebudayaan", "indeks", "maks", 54.0, 1.2, "outcome"),
    ], [
        im("Meningkatnya pelindungan cagar budaya", "Kebudayaan", [
            ("Persentase objek diduga cagar budaya yang ditetapkan", "%", "maks", 18.0, 6.0, "outcome"),
        ], [
            out("Terkajinya objek diduga cagar budaya",
                ("Jumlah objek yang dikaji tim ahli cagar budaya", "objek", "maks", 10, 3, "output")),
            out("Terpeliharanya situs cagar budaya",
                ("Jumlah situs yang dipelihara", "situs", "maks", 12, 2, "output")),
        ]),
        im("Meningkatnya aktivitas kesenian tradisional", "Kebudayaan", [
            ("Jumlah kelompok kesenian aktif", "kelompok", "maks", 140, 10, "outcome"),
        ], [
            out("Terselenggaranya festival seni budaya daerah",
                ("Jumlah festival seni yang diselenggarakan", "festival", "maks", 3, 1, "output")),
            out("Terfasilitasinya sanggar seni tradisional",
                ("Jumlah sanggar yang difasilitasi", "sanggar", "maks", 25, 5, "output")),
        ]),
    ]),
    "Distanpangan": ("Meningkatnya produksi peternakan dan kesehatan hewan", [
        ("Populasi sapi potong", "ekor", "maks", 61000, 1500, "outcome"),
    ], [
        im("Meningkatnya kelahiran ternak melalui inseminasi buatan", "Peternakan", [
            ("Persentase kebuntingan hasil inseminasi buatan", "%", "maks", 58.0, 3.0, "outcome"),
        ], [
            out("Terlaksananya inseminasi buatan pada sapi betina produktif",
                ("Jumlah akseptor inseminasi buatan", "ekor", "maks", 14000, 800, "output")),
            out("Tersedianya semen beku dan nitrogen cair",
                ("Jumlah dosis semen beku yang tersedia", "dosis", "maks", 16000, 800, "output")),
        ]),
        im("Meningkatnya pengendalian penyakit hewan menular strategis", "Kesehatan Hewan", [
            ("Persentase kasus penyakit hewan menular strategis yang tertangani", "%", "maks", 80.0, 3.0, "outcome"),
        ], [
            out("Terlaksananya vaksinasi penyakit mulut dan kuku",
                ("Jumlah ternak yang divaksin PMK", "ekor", "maks", 42000, 3000, "output")),
            out("Terlaksananya pelayanan puskeswan",
                ("Jumlah ternak yang dilayani puskeswan", "ekor", "maks", 9000, 500, "output")),
        ]),
    ]),
    "DPUPR": ("Meningkatnya kesesuaian pemanfaatan ruang", [
        ("Persentase kesesuaian pemanfaatan ruang dengan RTRW", "%", "maks", 78.0, 2.5, "outcome"),
    ], [
        im("Meningkatnya ketersediaan rencana tata ruang yang operasional", "Penataan Ruang", [
            ("Jumlah RDTR yang ditetapkan", "dokumen", "maks", 2, 1, "outcome"),
        ], [
            out("Tersusunnya rencana detail tata ruang kawasan perkotaan",
                ("Jumlah dokumen RDTR yang disusun", "dokumen", "maks", 1, 0, "output")),
            out("Terintegrasinya RDTR dalam sistem OSS",
                ("Jumlah RDTR yang terintegrasi OSS", "dokumen", "maks", 1, 1, "output")),
        ]),
        im("Meningkatnya pengendalian pemanfaatan ruang", "Penataan Ruang", [
            ("Persentase KKPR yang diterbitkan sesuai rencana tata ruang", "%", "maks", 88.0, 2.0, "outcome"),
        ], [
            out("Terlaksananya pengawasan pemanfaatan ruang",
                ("Jumlah lokasi yang diawasi pemanfaatan ruangnya", "lokasi", "maks", 40, 10, "output")),
            out("Terlaksananya audit tata ruang kawasan strategis",
                ("Jumlah kawasan yang diaudit", "kawasan", "maks", 1, 1, "output")),
        ]),
    ]),
    "Setda": ("Meningkatnya kualitas pengadaan barang/jasa dan kebijakan daerah", [
        ("Persentase paket pengadaan yang dilaksanakan melalui e-purchasing dan tender tepat waktu", "%", "maks", 71.0, 4.0, "outcome"),
        ("Persentase produk hukum daerah yang ditetapkan sesuai program pembentukan perda", "%", "maks", 74.0, 4.0, "outcome"),
    ], [
        im("Meningkatnya efektivitas pengadaan barang/jasa", "Bagian Pengadaan Barang/Jasa", [
            ("Persentase tender yang selesai sesuai jadwal", "%", "maks", 78.0, 4.0, "outcome"),
        ], [
            out("Terlaksananya pendampingan penyusunan dokumen persiapan pengadaan",
                ("Jumlah paket yang didampingi dokumen persiapannya", "paket", "maks", 90, 10, "output")),
            out("Tersertifikasinya pejabat pengadaan",
                ("Jumlah pengelola pengadaan bersertifikat", "orang", "maks", 45, 10, "output")),
        ]),
        im("Meningkatnya kualitas produk hukum daerah", "Bagian Hukum", [
            ("Persentase rancangan produk hukum yang lolos fasilitasi tanpa revisi substansi", "%", "maks", 60.0, 5.0, "outcome"),
        ], [
            out("Terlaksananya harmonisasi rancangan produk hukum daerah",
                ("Jumlah rancangan produk hukum yang diharmonisasi", "rancangan", "maks", 60, 5, "output")),
            out("Tersedianya JDIH daerah yang mutakhir",
                ("Jumlah produk hukum yang diunggah ke JDIH", "dokumen", "maks", 120, 20, "output")),
        ]),
    ]),
}
for _o in OPDS:
    if _o["abbr"] in _SECOND:
        _o["tree"].append(_SECOND[_o["abbr"]])

for _o in OPDS:
    if _o["abbr"] == "DLH":
        _o["tree"][0][2].append(
            im("Meningkatnya tutupan vegetasi dan ruang terbuka hijau", "Konservasi dan Pertamanan", [
                ("Indeks Kualitas Tutupan Lahan", "indeks", "maks", 41.0, 0.8, "outcome"),
            ], [
                out("Terlaksananya penanaman pohon di daerah tangkapan air",
                    ("Jumlah bibit pohon yang ditanam", "batang", "maks", 25000, 5000, "output")),
                out("Terpeliharanya taman dan ruang terbuka hijau publik",
                    ("Luas RTH publik yang dipelihara", "ha", "maks", 36, 2, "output")),
                out("Terbinanya kampung iklim",
                    ("Jumlah kampung iklim yang dibina", "kampung", "maks", 10, 4, "output")),
            ]))

# Assessors' SMART/CREAM scores (0-2) from the asistensi desk review: (indicator, assessor,
# smart s m a r t, cream c r e a m, note). Two assessors disagree on one criterion.
ASSESSMENTS = [
    ("DINKES.1.I1", "Tim Bappeda", (2, 2, 0, 2, 2), (2, 2, 2, 2, 2), "Target lebih longgar dari baseline 2024"),
    ("DINKES.1.I1", "Inspektorat", (2, 2, 0, 2, 2), (2, 2, 1, 2, 2), "Data AKI dari audit maternal; biaya sedang"),
    ("DINKES.1.I2", "Tim Bappeda", (2, 2, 2, 2, 2), (2, 2, 2, 2, 2), ""),
    ("DINKES.1.I2", "Inspektorat", (2, 2, 2, 2, 2), (2, 2, 2, 1, 2), ""),
    ("DINKES.1.I3", "Tim Bappeda", (2, 2, 2, 2, 2), (2, 2, 2, 2, 2), ""),
    ("DINKES.1.I3", "Inspektorat", (2, 2, 2, 0, 2), (2, 1, 2, 2, 2), "AKB lebih dekat ke dampak; pertimbangkan sebagai indikator Pemda"),
    ("INSPEKTORAT.1.I1", "Tim Bappeda", (1, 2, 2, 2, 2), (1, 2, 2, 2, 1), "Realisasi 2026 belum tersedia"),
]
