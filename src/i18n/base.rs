//! The page frame's strings: title, language switch, scenario summary, outcome, causes.

pub const EN: &[(&str, &str)] = &[
    ("app.title", "Aliansi"),
    ("app.tagline", "A strategic alliance simulator"),
    ("app.running", "Running the simulation…"),
    ("app.run_again", "Run with the next seed"),
    ("app.language", "Language"),
    ("scenario.heading", "Scenario"),
    ("scenario.partners", "Partners"),
    (
        "scenario.summary",
        "{n} partners, {months}-month horizon, seed {seed}",
    ),
    ("scenario.invalid", "The scenario is invalid: {error}"),
    ("outcome.heading", "Outcome"),
    ("outcome.survived", "Survived {months} months"),
    ("outcome.dissolved", "Dissolved in month {month}: {cause}"),
    ("chart.heading", "Mean trust over time"),
    ("chart.x_label", "Month"),
    (
        "chart.y_label",
        "Mean trust between the partners: 0 = none, 1 = full",
    ),
    (
        "chart.description",
        "Line chart of the partners' mean trust in each other, month by month.",
    ),
    ("chart.end", "end"),
    ("cause.inequity", "inequity"),
    ("cause.goal_misalignment", "goal misalignment"),
    ("cause.trust_breakdown", "trust breakdown"),
    ("cause.unresolved_conflict", "unresolved conflict"),
    ("cause.compliance_failure", "compliance failure"),
    ("cause.misfit_after_shock", "misfit after a shock"),
    ("cause.learning_race", "learning race"),
];

pub const ID: &[(&str, &str)] = &[
    ("app.title", "Aliansi"),
    ("app.tagline", "Simulator aliansi strategis"),
    ("app.running", "Menjalankan simulasi…"),
    ("app.run_again", "Jalankan dengan seed berikutnya"),
    ("app.language", "Bahasa"),
    ("scenario.heading", "Skenario"),
    ("scenario.partners", "Mitra"),
    (
        "scenario.summary",
        "{n} mitra, horizon {months} bulan, seed {seed}",
    ),
    ("scenario.invalid", "Skenario tidak valid: {error}"),
    ("outcome.heading", "Hasil"),
    ("outcome.survived", "Bertahan {months} bulan"),
    ("outcome.dissolved", "Bubar pada bulan ke-{month}: {cause}"),
    ("chart.heading", "Rata-rata kepercayaan dari waktu ke waktu"),
    ("chart.x_label", "Bulan"),
    (
        "chart.y_label",
        "Rata-rata kepercayaan antarmitra: 0 = tidak ada, 1 = penuh",
    ),
    (
        "chart.description",
        "Grafik garis rata-rata kepercayaan antarmitra, bulan demi bulan.",
    ),
    ("chart.end", "akhir"),
    ("cause.inequity", "ketimpangan pembagian"),
    ("cause.goal_misalignment", "ketidakselarasan tujuan"),
    ("cause.trust_breakdown", "runtuhnya kepercayaan"),
    (
        "cause.unresolved_conflict",
        "konflik yang tak terselesaikan",
    ),
    ("cause.compliance_failure", "kegagalan kepatuhan"),
    (
        "cause.misfit_after_shock",
        "ketidakcocokan setelah guncangan",
    ),
    ("cause.learning_race", "perlombaan belajar"),
];
