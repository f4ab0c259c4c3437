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
    (
        "export.sweep_setup",
        "{param} took {n} values, with {runs} futures each on the same seeds.",
    ),
    (
        "export.sweep_setup_2d",
        "{x} ({nx} values) against {y} ({ny} values), with {runs} futures each on the same seeds.",
    ),
    ("export.sweep_ends", "Survival after {horizon}: {a} at {at_a}, {b} at {at_b}."),
    ("export.sweep_best", "Highest: {hi} at {at_hi}. Lowest: {lo} at {at_lo}."),
    ("export.sweep_at_2d", "{x} {xv} and {y} {yv}"),
    (
        "export.sweep_overlap",
        "The 95 % intervals of the highest and the lowest overlap: more futures per value would tell them apart better.",
    ),
    ("export.sweep_apart", "The 95 % intervals of the highest and the lowest do not overlap."),
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
    (
        "export.sweep_setup",
        "{param} diberi {n} nilai, masing-masing dengan {runs} masa depan pada benih yang sama.",
    ),
    (
        "export.sweep_setup_2d",
        "{x} ({nx} nilai) terhadap {y} ({ny} nilai), masing-masing dengan {runs} masa depan pada benih yang sama.",
    ),
    ("export.sweep_ends", "Kelangsungan setelah {horizon}: {a} pada {at_a}, {b} pada {at_b}."),
    ("export.sweep_best", "Tertinggi: {hi} pada {at_hi}. Terendah: {lo} pada {at_lo}."),
    ("export.sweep_at_2d", "{x} {xv} dan {y} {yv}"),
    (
        "export.sweep_overlap",
        "Interval 95 % untuk yang tertinggi dan yang terendah bertumpang tindih: lebih banyak masa depan per nilai akan membedakannya dengan lebih baik.",
    ),
    ("export.sweep_apart", "Interval 95 % untuk yang tertinggi dan yang terendah tidak bertumpang tindih."),
];
