//! Strings of classroom mode, the keyboard shortcuts and decision mode (`classroom.*`).

pub const EN: &[(&str, &str)] = &[
    ("classroom.mode", "Classroom mode"),
    ("classroom.decisions", "Decision mode"),
    ("classroom.shortcuts", "Keyboard shortcuts"),
    ("classroom.key_space", "Space"),
    ("classroom.key.run", "Run or pause"),
    ("classroom.key.step", "One month"),
    ("classroom.key.finish", "To the end (in decision mode: to the next dispute)"),
    ("classroom.key.reset", "Back to month 0"),
    ("classroom.key.next", "Reveal the next part of the lesson"),
    ("classroom.key.previous", "Back one part of the lesson"),
    ("classroom.key.decisions", "Decision mode on or off"),
    ("classroom.key.classroom", "Classroom mode on or off (Esc leaves it)"),
    ("classroom.key.choose", "Choose how a dispute is resolved (0: leave it to the ladder)"),
    ("classroom.decision_title", "A dispute has started (month {month})"),
    (
        "classroom.decision_text",
        "{a} and {b} are in a dispute over {cause} (severity {severity} of 1).",
    ),
    ("classroom.decision_question", "How should they resolve it? Discuss, then choose."),
    ("classroom.decide_ladder", "Leave it to the alliance's ladder ({step} first)"),
    ("classroom.decision_over", "The run has ended."),
    (
        "classroom.step.avoidance",
        "Let it rest: costs nothing, takes about 6 months, often fails, and trust erodes meanwhile.",
    ),
    (
        "classroom.step.negotiation",
        "Talk it out: quick (a month), cheap, works about half the time; helps trust if it does.",
    ),
    (
        "classroom.step.mediation",
        "Bring in a go-between: about 2 months, works more often, and keeps trust best.",
    ),
    (
        "classroom.step.arbitration",
        "A binding award: slow (about 4 months) and costly, almost always settles, but the loser resents it.",
    ),
    (
        "classroom.step.escalation",
        "Take it to the top executives: about 2 months; fits hierarchical cultures, hurts trust if it fails.",
    ),
];

pub const ID: &[(&str, &str)] = &[
    ("classroom.mode", "Mode kelas"),
    ("classroom.decisions", "Mode keputusan"),
    ("classroom.shortcuts", "Pintasan papan ketik"),
    ("classroom.key_space", "Spasi"),
    ("classroom.key.run", "Jalankan atau jeda"),
    ("classroom.key.step", "Satu bulan"),
    ("classroom.key.finish", "Sampai akhir (dalam mode keputusan: sampai sengketa berikutnya)"),
    ("classroom.key.reset", "Kembali ke bulan 0"),
    ("classroom.key.next", "Buka bagian pelajaran berikutnya"),
    ("classroom.key.previous", "Mundur satu bagian pelajaran"),
    ("classroom.key.decisions", "Mode keputusan hidup atau mati"),
    ("classroom.key.classroom", "Mode kelas hidup atau mati (Esc untuk keluar)"),
    ("classroom.key.choose", "Pilih cara menyelesaikan sengketa (0: serahkan pada tangga)"),
    ("classroom.decision_title", "Sebuah sengketa dimulai (bulan {month})"),
    (
        "classroom.decision_text",
        "{a} dan {b} berselisih tentang {cause} (tingkat keparahan {severity} dari 1).",
    ),
    ("classroom.decision_question", "Bagaimana mereka sebaiknya menyelesaikannya? Diskusikan, lalu pilih."),
    ("classroom.decide_ladder", "Serahkan pada tangga aliansi ({step} lebih dulu)"),
    ("classroom.decision_over", "Simulasi telah berakhir."),
    (
        "classroom.step.avoidance",
        "Biarkan dulu: tanpa biaya, sekitar 6 bulan, sering gagal, dan kepercayaan terkikis sementara itu.",
    ),
    (
        "classroom.step.negotiation",
        "Bicarakan langsung: cepat (sebulan), murah, berhasil sekitar separuh waktu; menambah kepercayaan bila berhasil.",
    ),
    (
        "classroom.step.mediation",
        "Datangkan penengah: sekitar 2 bulan, lebih sering berhasil, dan paling menjaga kepercayaan.",
    ),
    (
        "classroom.step.arbitration",
        "Putusan yang mengikat: lambat (sekitar 4 bulan) dan mahal, hampir selalu tuntas, tetapi pihak yang kalah menyimpan kekesalan.",
    ),
    (
        "classroom.step.escalation",
        "Bawa ke pimpinan puncak: sekitar 2 bulan; cocok untuk budaya hierarkis, merusak kepercayaan bila gagal.",
    ),
];
