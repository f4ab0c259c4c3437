//! The page frame's strings: title, language switch, scenario summary, outcome, causes.

pub const STRINGS: &str = strings![
    ("app.title", "Aliansi", "Aliansi"),
    (
        "app.replaced",
        "The scenario you had open (edited, or from a link or a file) was replaced by the one just loaded; you can bring it back.",
        "Skenario yang tadi terbuka (yang Anda ubah, atau dari tautan atau berkas) diganti dengan yang baru dimuat; Anda dapat memakainya lagi."
    ),
    (
        "app.replaced_earlier",
        "Earlier, a scenario you had open (edited, or from a link or a file) was replaced by another loaded over it; you can still bring it back.",
        "Sebelumnya, skenario yang Anda buka (yang Anda ubah, atau dari tautan atau berkas) diganti dengan skenario lain yang dimuat; Anda masih dapat memakainya lagi."
    ),
    (
        "app.draft_found",
        "The scenario you were editing on this device when a page of Aliansi was closed was not saved: you can bring it back (and then save it under “Your saved scenarios”).",
        "Skenario yang sedang Anda ubah di perangkat ini saat sebuah halaman Aliansi ditutup belum disimpan: Anda dapat memakainya lagi (lalu menyimpannya di “Skenario tersimpan Anda”)."
    ),
    (
        "app.restore",
        "Bring back my scenario",
        "Kembalikan skenario saya"
    ),
    (
        "app.skip_to_run",
        "Skip to the run controls",
        "Langsung ke kontrol simulasi"
    ),
    (
        "app.tagline",
        "A strategic alliance simulator",
        "Simulator aliansi strategis"
    ),
    ("app.language", "Language", "Bahasa"),
    ("scenario.heading", "Scenario", "Skenario"),
    ("scenario.partners", "Partners", "Mitra"),
    (
        "scenario.summary",
        "{n} partners, {months}-month horizon, seed {seed}",
        "{n} mitra, jangka waktu {months} bulan, seed {seed}"
    ),
    (
        "scenario.invalid",
        "The scenario is invalid: {error}",
        "Skenario tidak valid: {error}"
    ),
    ("outcome.heading", "Outcome", "Hasil"),
    ("outcome.set_aside", "The previous run, with the choices the class made in it ({n}), is kept aside: this one started over without them.", "Simulasi sebelumnya, dengan pilihan yang dibuat kelas di dalamnya ({n}), disisihkan dan dapat dikembalikan: simulasi ini dimulai lagi tanpa pilihan itu."),
    ("outcome.bring_back", "Bring back the previous run", "Kembalikan simulasi sebelumnya"),
    ("outcome.survived", "Survived {months}", "Bertahan {months}"),
    (
        "outcome.dissolved",
        "Dissolved in month {month}: {cause}",
        // A non-breaking hyphen: the headline's large type must not break "ke-" from its month.
        "Bubar pada bulan ke\u{2011}{month}: {cause}"
    ),
    (
        "chart.heading",
        "Mean trust over time",
        "Rata-rata kepercayaan dari waktu ke waktu"
    ),
    ("chart.x_label", "Month", "Bulan"),
    (
        "chart.data",
        "The numbers, year by year",
        "Angka-angkanya, tahun demi tahun"
    ),
    ("chart.end", "end", "akhir"),
    ("cause.inequity", "inequity", "ketimpangan pembagian"),
    (
        "cause.goal_misalignment",
        "goal misalignment",
        "ketidakselarasan tujuan"
    ),
    (
        "cause.trust_breakdown",
        "trust breakdown",
        "runtuhnya kepercayaan"
    ),
    (
        "cause.unresolved_conflict",
        "unresolved conflict",
        "konflik yang tak terselesaikan"
    ),
    (
        "cause.compliance_failure",
        "compliance failure",
        "kegagalan kepatuhan"
    ),
    (
        "cause.misfit_after_shock",
        "misfit after a shock",
        "ketidakcocokan setelah guncangan"
    ),
    ("cause.learning_race", "learning race", "perlombaan belajar"),
];
