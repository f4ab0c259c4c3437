//! Strings of Export: CSV, SVG, PNG and the printable debrief.

pub const EN: &[(&str, &str)] = &[
    ("export.csv", "CSV"),
    ("export.svg", "SVG"),
    ("export.png", "PNG"),
    ("export.csv_label", "Download the numbers behind “{chart}” as a table (CSV)"),
    ("export.svg_label", "Download “{chart}” as a drawing (SVG)"),
    ("export.png_label", "Download “{chart}” as a picture (PNG)"),
    ("export.bar_label", "Take away “{chart}”"),
    ("export.run_csv", "All monthly figures of this run"),
    ("export.failed", "The file could not be made: {error}"),
    ("export.print", "Print debrief"),
    (
        "export.print_hint",
        "One page with the scenario, the charts and what they show. To keep it as a file, choose “Save as PDF” in the print window.",
    ),
    ("export.debrief", "Debrief: {experiment}"),
    ("export.findings", "What the futures show, in words"),
    (
        "export.finding_survival",
        "Of {runs} futures, {pct} were still together after {horizon} (95 % interval {lo} to {hi}).",
    ),
    (
        "export.finding_cause",
        "The most common end was {cause}: {pct} of the {n} alliances that ended.",
    ),
    ("export.finding_no_end", "None of the alliances ended before the horizon."),
    (
        "export.finding_means",
        "On average the alliance created a value of {value}, and trust at the end was {trust} (0 to 1).",
    ),
];

pub const ID: &[(&str, &str)] = &[
    ("export.csv", "CSV"),
    ("export.svg", "SVG"),
    ("export.png", "PNG"),
    ("export.csv_label", "Unduh angka di balik “{chart}” sebagai tabel (CSV)"),
    ("export.svg_label", "Unduh “{chart}” sebagai gambar vektor (SVG)"),
    ("export.png_label", "Unduh “{chart}” sebagai gambar (PNG)"),
    ("export.bar_label", "Bawa pulang “{chart}”"),
    ("export.run_csv", "Semua angka bulanan dari simulasi ini"),
    ("export.failed", "Berkas tidak dapat dibuat: {error}"),
    ("export.print", "Cetak ringkasan"),
    (
        "export.print_hint",
        "Satu halaman berisi skenario, grafik, dan apa yang ditunjukkannya. Untuk menyimpannya sebagai berkas, pilih “Simpan sebagai PDF” di jendela cetak.",
    ),
    ("export.debrief", "Ringkasan: {experiment}"),
    ("export.findings", "Yang ditunjukkan masa depan, dalam kata-kata"),
    (
        "export.finding_survival",
        "Dari {runs} masa depan, {pct} masih bersama setelah {horizon} (interval 95 % {lo} sampai {hi}).",
    ),
    (
        "export.finding_cause",
        "Akhir yang paling sering adalah {cause}: {pct} dari {n} aliansi yang berakhir.",
    ),
    ("export.finding_no_end", "Tidak ada aliansi yang berakhir sebelum cakrawala waktu."),
    (
        "export.finding_means",
        "Rata-rata aliansi menciptakan nilai {value}, dan kepercayaan di akhir adalah {trust} (0 sampai 1).",
    ),
];
