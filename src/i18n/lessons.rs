//! Strings of the seven guided lessons, one per challenge (`lesson.<challenge>.<part>`), and of
//! the lessons panel (`lessons.*`).

pub const EN: &[(&str, &str)] = &[
    ("lessons.heading", "Lessons"),
    (
        "lessons.intro",
        "Seven guided lessons, one for each challenge of strategic alliances. Each prepares a scenario and an experiment, and reveals its text one part at a time, so a trainer can lead a class through it.",
    ),
    ("lessons.open", "Open lesson"),
    ("lessons.close", "Close the lesson"),
    ("lessons.next", "Next part"),
    ("lessons.previous", "Previous part"),
    ("lessons.part_of", "Part {k} of {n}"),
    ("lessons.part.intro", "The situation"),
    ("lessons.part.watch", "Watch one run"),
    ("lessons.part.experiment", "The experiment"),
    ("lessons.part.question", "A question for the class"),
    ("lessons.part.next", "What to try next"),
    ("lessons.reload", "Load the lesson's scenario again"),
    ("lessons.setup", "Set up the comparison again"),
    (
        "lessons.setup_done",
        "The comparison is ready in \"Compare fairly\" below: {n} variants, {runs} runs each, on the same seeds. Press its Run button.",
    ),
    (
        "lessons.decisions",
        "This lesson uses decision mode: the run stops whenever a dispute starts, and the class chooses how to resolve it.",
    ),
    ("lesson.variant.base", "As it is"),
    // 1. Vision and goals.
    ("lesson.alignment.title", "1. Aligning vision and goals"),
    (
        "lesson.alignment.intro",
        "Two healthy partners start out together, but one wants market access and growth while the other wants technology and lower costs. Nobody ever sits down to review what the alliance is for.",
    ),
    (
        "lesson.alignment.watch",
        "Press Run and watch the \"Goal alignment\" gauge and each partner's satisfaction. Notice when a partner starts to weigh leaving, and what the event log says about goals.",
    ),
    (
        "lesson.alignment.experiment",
        "Now the same market and the same shocks with one change: a strategic review every 12 months, where the partners renegotiate the deal and realign. \"Compare fairly\" below runs both on the same 1,000 seeds.",
    ),
    (
        "lesson.alignment.question",
        "Why does a meeting once a year change whether the alliance survives, when the partners' goals stay different? What does a review give the partners that a contract does not?",
    ),
    (
        "lesson.alignment.next",
        "Try reviews every 6 or 24 months, or bring the two partners' goals closer in the editor. Which matters more: similar goals at the start, or the habit of realigning?",
    ),
    ("lesson.alignment.variant.reviews", "Yearly reviews"),
    // 2. Culture.
    ("lesson.culture.title", "2. Cultural differences"),
    (
        "lesson.culture.intro",
        "An Indonesian and an American company are new to each other and start with little trust. They differ in how directly they speak, how they treat hierarchy and how they handle uncertainty.",
    ),
    (
        "lesson.culture.watch",
        "Press Run and watch the \"Cultural fit\" gauge and the disputes caused by miscommunication in the event log. Does the fit improve as the partners learn each other's ways?",
    ),
    (
        "lesson.culture.experiment",
        "Two ways to bridge the distance, on the same seeds: open the books (transparency 0.8), or appoint a dedicated alliance manager. Run the comparison below.",
    ),
    (
        "lesson.culture.question",
        "Cultural distance cannot be changed, only managed. Which of the two levers helped more here, and why would it help people who misread each other?",
    ),
    (
        "lesson.culture.next",
        "Load the default scenario and change one partner's country to one close to Indonesia (Malaysia, Singapore) and then to a distant one (Sweden, the United States). Run many futures each time.",
    ),
    ("lesson.culture.variant.open", "Open books"),
    ("lesson.culture.variant.manager", "Alliance manager"),
    // 3. Expectations and contributions.
    ("lesson.contributions.title", "3. Expectations and contributions"),
    (
        "lesson.contributions.intro",
        "One partner brings three times as much as the other and expects most of the gains, but the contract splits the gains equally.",
    ),
    (
        "lesson.contributions.watch",
        "Press Run and watch the \"Fair contributions\" gauge and the bigger partner's satisfaction. Who complains first, and what does the larger partner do about it?",
    ),
    (
        "lesson.contributions.experiment",
        "The same alliance with gains shared in proportion to what each partner contributes. Run the comparison below.",
    ),
    (
        "lesson.contributions.question",
        "Equal sounds fair. Why is it not fair here? How would you explain the result to the smaller partner, who gets less under the new rule?",
    ),
    (
        "lesson.contributions.next",
        "Make both partners the same size in the editor and compare equal and proportional sharing again. When does the sharing rule stop mattering?",
    ),
    ("lesson.contributions.variant.proportional", "Proportional shares"),
    // 4. Trust and transparency.
    ("lesson.trust.title", "4. Trust and transparency"),
    (
        "lesson.trust.intro",
        "Two strangers with little trust; one of them is opportunistic and quietly holds back. The books are hardly open and nobody checks what each partner brings.",
    ),
    (
        "lesson.trust.watch",
        "Press Run and watch the \"Trust\" gauge and the trust chart. Trust rises slowly and falls fast: find the month when it broke, and what the log says happened then.",
    ),
    (
        "lesson.trust.experiment",
        "Two remedies on the same seeds: open books (transparency 0.7), and open books with monitoring of contributions (monitoring 0.5). Run the comparison below.",
    ),
    (
        "lesson.trust.question",
        "Monitoring catches the partner who holds back, but it can also signal distrust. Is control a substitute for trust, or does it help trust grow?",
    ),
    (
        "lesson.trust.next",
        "Lower the opportunistic partner's opportunism in the editor, or raise the initial trust. Which change saves more alliances: a better partner, or better governance?",
    ),
    ("lesson.trust.variant.open_books", "Open books"),
    ("lesson.trust.variant.open_and_watched", "Open books and monitoring"),
    // 5. Change and adaptation.
    ("lesson.adaptation.title", "5. Change and adaptation"),
    (
        "lesson.adaptation.intro",
        "A turbulent market: about three shocks a year, some severe. The partners are slow to adapt and the alliance never holds a review to reset the deal.",
    ),
    (
        "lesson.adaptation.watch",
        "Press Run and watch the market line, the shocks in the event log and the \"Adaptation\" gauge. After which shock does the alliance stop fitting its market?",
    ),
    (
        "lesson.adaptation.experiment",
        "The same storms with a strategic review every 12 months. Run the comparison below.",
    ),
    (
        "lesson.adaptation.question",
        "The shocks are the same in both columns. Why do reviews matter more in a turbulent market than in a calm one?",
    ),
    (
        "lesson.adaptation.next",
        "Lower the shock rate in the editor and compare again, or try the sweep: survival against the months between reviews.",
    ),
    ("lesson.adaptation.variant.reviews", "Yearly reviews"),
    // 6. Conflict.
    ("lesson.conflict.title", "6. Conflict and disagreement"),
    (
        "lesson.conflict.intro",
        "The four partners of the default alliance in a more rivalrous market, but they only ever avoid their disputes: no negotiation, no mediation, no arbitration.",
    ),
    (
        "lesson.conflict.watch",
        "Decision mode is on: the run stops whenever a dispute starts, and the class chooses how to resolve it. Press Run, discuss each dispute, choose, and watch the \"Conflict\" gauge.",
    ),
    (
        "lesson.conflict.experiment",
        "Two ladders on the same seeds: mediation, then arbitration; and negotiation, then mediation, then arbitration. Run the comparison below.",
    ),
    (
        "lesson.conflict.question",
        "Avoiding a dispute keeps the peace for a while. What does it cost later? Would you rather keep trust (mediation) or settle for sure (arbitration)?",
    ),
    (
        "lesson.conflict.next",
        "Change the order of the ladder in the editor, or replay one seed in decision mode choosing differently each time: same world, different choices.",
    ),
    ("lesson.conflict.variant.mediation", "Mediation, then arbitration"),
    ("lesson.conflict.variant.ladder", "Full ladder"),
    // 7. Compliance and governance.
    ("lesson.compliance.title", "7. Compliance and governance"),
    (
        "lesson.compliance.intro",
        "A strict regulator watches the market, the alliance's compliance programme is weak, and one partner cuts corners. In month 12 the rules tighten.",
    ),
    (
        "lesson.compliance.watch",
        "Press Run and watch the \"Compliance\" gauge, the fines in the event log and what happens after month 12.",
    ),
    (
        "lesson.compliance.experiment",
        "The same alliance with a serious compliance programme (strength 0.7). It costs money every month. Run the comparison below.",
    ),
    (
        "lesson.compliance.question",
        "A compliance programme is a cost every month and pays off only in the months when something would have gone wrong. How would you convince a partner to pay for it?",
    ),
    (
        "lesson.compliance.next",
        "Sweep the compliance strength from 0 to 1 and find where extra compliance stops paying. Then make the regulator lenient and look again.",
    ),
    ("lesson.compliance.variant.programme", "Compliance programme"),
];

pub const ID: &[(&str, &str)] = &[
    ("lessons.heading", "Pelajaran"),
    (
        "lessons.intro",
        "Tujuh pelajaran terpandu, satu untuk setiap tantangan aliansi strategis. Masing-masing menyiapkan skenario dan eksperimen, dan membuka teksnya bagian demi bagian, sehingga pengajar dapat memandu kelas melaluinya.",
    ),
    ("lessons.open", "Buka pelajaran"),
    ("lessons.close", "Tutup pelajaran"),
    ("lessons.next", "Bagian berikutnya"),
    ("lessons.previous", "Bagian sebelumnya"),
    ("lessons.part_of", "Bagian {k} dari {n}"),
    ("lessons.part.intro", "Situasinya"),
    ("lessons.part.watch", "Amati satu jalannya"),
    ("lessons.part.experiment", "Eksperimennya"),
    ("lessons.part.question", "Pertanyaan untuk kelas"),
    ("lessons.part.next", "Apa yang dicoba berikutnya"),
    ("lessons.reload", "Muat lagi skenario pelajaran"),
    ("lessons.setup", "Siapkan lagi perbandingannya"),
    (
        "lessons.setup_done",
        "Perbandingan sudah siap di \"Bandingkan dengan adil\" di bawah: {n} varian, masing-masing {runs} jalannya, dengan seed yang sama. Tekan tombol Jalankan-nya.",
    ),
    (
        "lessons.decisions",
        "Pelajaran ini memakai mode keputusan: simulasi berhenti setiap kali sengketa dimulai, dan kelas memilih cara menyelesaikannya.",
    ),
    ("lesson.variant.base", "Apa adanya"),
    ("lesson.alignment.title", "1. Menyelaraskan visi dan tujuan"),
    (
        "lesson.alignment.intro",
        "Dua mitra yang sehat memulai kerja sama, tetapi yang satu menginginkan akses pasar dan pertumbuhan, sementara yang lain menginginkan teknologi dan biaya lebih rendah. Tidak ada yang pernah duduk bersama meninjau untuk apa aliansi ini ada.",
    ),
    (
        "lesson.alignment.watch",
        "Tekan Jalankan dan amati indikator \"Keselarasan tujuan\" serta kepuasan setiap mitra. Perhatikan kapan seorang mitra mulai menimbang untuk keluar, dan apa kata catatan peristiwa tentang tujuan.",
    ),
    (
        "lesson.alignment.experiment",
        "Sekarang pasar yang sama dan guncangan yang sama dengan satu perubahan: tinjauan strategis setiap 12 bulan, tempat para mitra menegosiasikan ulang kesepakatan dan menyelaraskan diri. \"Bandingkan dengan adil\" di bawah menjalankan keduanya pada 1.000 seed yang sama.",
    ),
    (
        "lesson.alignment.question",
        "Mengapa rapat setahun sekali mengubah apakah aliansi bertahan, padahal tujuan para mitra tetap berbeda? Apa yang diberikan tinjauan kepada mitra yang tidak diberikan kontrak?",
    ),
    (
        "lesson.alignment.next",
        "Coba tinjauan setiap 6 atau 24 bulan, atau dekatkan tujuan kedua mitra di editor. Mana yang lebih penting: tujuan yang mirip sejak awal, atau kebiasaan menyelaraskan ulang?",
    ),
    ("lesson.alignment.variant.reviews", "Tinjauan tahunan"),
    ("lesson.culture.title", "2. Perbedaan budaya"),
    (
        "lesson.culture.intro",
        "Sebuah perusahaan Indonesia dan sebuah perusahaan Amerika baru saling mengenal dan memulai dengan sedikit kepercayaan. Mereka berbeda dalam cara berbicara terus terang, cara memandang hierarki, dan cara menghadapi ketidakpastian.",
    ),
    (
        "lesson.culture.watch",
        "Tekan Jalankan dan amati indikator \"Kecocokan budaya\" serta sengketa akibat salah komunikasi di catatan peristiwa. Apakah kecocokan membaik ketika para mitra belajar memahami cara satu sama lain?",
    ),
    (
        "lesson.culture.experiment",
        "Dua cara menjembatani jarak, pada seed yang sama: membuka pembukuan (transparansi 0,8), atau menunjuk manajer aliansi khusus. Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.culture.question",
        "Jarak budaya tidak dapat diubah, hanya dikelola. Manakah dari kedua tuas itu yang lebih membantu di sini, dan mengapa tuas itu menolong orang-orang yang saling salah paham?",
    ),
    (
        "lesson.culture.next",
        "Muat skenario bawaan dan ubah negara salah satu mitra menjadi negara yang dekat dengan Indonesia (Malaysia, Singapura), lalu menjadi negara yang jauh (Swedia, Amerika Serikat). Jalankan banyak masa depan setiap kali.",
    ),
    ("lesson.culture.variant.open", "Pembukuan terbuka"),
    ("lesson.culture.variant.manager", "Manajer aliansi"),
    ("lesson.contributions.title", "3. Harapan dan kontribusi"),
    (
        "lesson.contributions.intro",
        "Satu mitra membawa tiga kali lebih banyak daripada yang lain dan mengharapkan sebagian besar hasilnya, tetapi kontrak membagi hasil sama rata.",
    ),
    (
        "lesson.contributions.watch",
        "Tekan Jalankan dan amati indikator \"Keadilan kontribusi\" serta kepuasan mitra yang lebih besar. Siapa yang mengeluh lebih dulu, dan apa yang dilakukan mitra yang lebih besar?",
    ),
    (
        "lesson.contributions.experiment",
        "Aliansi yang sama dengan hasil dibagi sebanding dengan kontribusi setiap mitra. Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.contributions.question",
        "Sama rata terdengar adil. Mengapa di sini tidak adil? Bagaimana Anda menjelaskan hasilnya kepada mitra yang lebih kecil, yang mendapat lebih sedikit dengan aturan baru?",
    ),
    (
        "lesson.contributions.next",
        "Buat kedua mitra berukuran sama di editor dan bandingkan lagi pembagian sama rata dan proporsional. Kapan aturan pembagian tidak lagi penting?",
    ),
    ("lesson.contributions.variant.proportional", "Bagian proporsional"),
    ("lesson.trust.title", "4. Kepercayaan dan transparansi"),
    (
        "lesson.trust.intro",
        "Dua pihak asing dengan sedikit kepercayaan; salah satunya oportunis dan diam-diam menahan kontribusinya. Pembukuan hampir tertutup dan tidak ada yang memeriksa apa yang dibawa setiap mitra.",
    ),
    (
        "lesson.trust.watch",
        "Tekan Jalankan dan amati indikator \"Kepercayaan\" serta grafik kepercayaan. Kepercayaan naik perlahan dan jatuh cepat: temukan bulan saat kepercayaan runtuh, dan apa yang terjadi menurut catatan.",
    ),
    (
        "lesson.trust.experiment",
        "Dua obat pada seed yang sama: pembukuan terbuka (transparansi 0,7), dan pembukuan terbuka dengan pemantauan kontribusi (pemantauan 0,5). Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.trust.question",
        "Pemantauan menangkap mitra yang menahan kontribusi, tetapi juga dapat menandakan ketidakpercayaan. Apakah kontrol pengganti kepercayaan, atau justru membantu kepercayaan tumbuh?",
    ),
    (
        "lesson.trust.next",
        "Turunkan oportunisme mitra yang oportunis di editor, atau naikkan kepercayaan awal. Perubahan mana yang menyelamatkan lebih banyak aliansi: mitra yang lebih baik, atau tata kelola yang lebih baik?",
    ),
    ("lesson.trust.variant.open_books", "Pembukuan terbuka"),
    (
        "lesson.trust.variant.open_and_watched",
        "Pembukuan terbuka dan pemantauan",
    ),
    ("lesson.adaptation.title", "5. Perubahan dan adaptasi"),
    (
        "lesson.adaptation.intro",
        "Pasar yang bergejolak: sekitar tiga guncangan setahun, sebagian parah. Para mitra lambat beradaptasi dan aliansi tidak pernah mengadakan tinjauan untuk menata ulang kesepakatan.",
    ),
    (
        "lesson.adaptation.watch",
        "Tekan Jalankan dan amati garis pasar, guncangan di catatan peristiwa, dan indikator \"Adaptasi\". Setelah guncangan mana aliansi tidak lagi cocok dengan pasarnya?",
    ),
    (
        "lesson.adaptation.experiment",
        "Badai yang sama dengan tinjauan strategis setiap 12 bulan. Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.adaptation.question",
        "Guncangannya sama di kedua kolom. Mengapa tinjauan lebih penting di pasar yang bergejolak daripada di pasar yang tenang?",
    ),
    (
        "lesson.adaptation.next",
        "Turunkan laju guncangan di editor dan bandingkan lagi, atau coba sapuan: peluang bertahan terhadap jumlah bulan antartinjauan.",
    ),
    ("lesson.adaptation.variant.reviews", "Tinjauan tahunan"),
    ("lesson.conflict.title", "6. Konflik dan perselisihan"),
    (
        "lesson.conflict.intro",
        "Empat mitra aliansi bawaan di pasar yang lebih penuh persaingan, tetapi mereka selalu menghindari sengketa: tanpa negosiasi, tanpa mediasi, tanpa arbitrase.",
    ),
    (
        "lesson.conflict.watch",
        "Mode keputusan aktif: simulasi berhenti setiap kali sengketa dimulai, dan kelas memilih cara menyelesaikannya. Tekan Jalankan, diskusikan setiap sengketa, pilih, dan amati indikator \"Konflik\".",
    ),
    (
        "lesson.conflict.experiment",
        "Dua tangga penyelesaian pada seed yang sama: mediasi, lalu arbitrase; dan negosiasi, lalu mediasi, lalu arbitrase. Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.conflict.question",
        "Menghindari sengketa menjaga kedamaian untuk sementara. Apa harganya kemudian? Anda lebih memilih menjaga kepercayaan (mediasi) atau kepastian penyelesaian (arbitrase)?",
    ),
    (
        "lesson.conflict.next",
        "Ubah urutan tangga di editor, atau putar ulang satu seed dalam mode keputusan dengan pilihan berbeda setiap kali: dunia yang sama, pilihan berbeda.",
    ),
    ("lesson.conflict.variant.mediation", "Mediasi, lalu arbitrase"),
    ("lesson.conflict.variant.ladder", "Tangga lengkap"),
    ("lesson.compliance.title", "7. Kepatuhan dan tata kelola"),
    (
        "lesson.compliance.intro",
        "Regulator yang ketat mengawasi pasar, program kepatuhan aliansi lemah, dan satu mitra mengambil jalan pintas. Pada bulan ke-12 aturan diperketat.",
    ),
    (
        "lesson.compliance.watch",
        "Tekan Jalankan dan amati indikator \"Kepatuhan\", denda di catatan peristiwa, dan apa yang terjadi setelah bulan ke-12.",
    ),
    (
        "lesson.compliance.experiment",
        "Aliansi yang sama dengan program kepatuhan yang serius (kekuatan 0,7). Program itu memakan biaya setiap bulan. Jalankan perbandingannya di bawah.",
    ),
    (
        "lesson.compliance.question",
        "Program kepatuhan adalah biaya setiap bulan dan hanya terbayar pada bulan-bulan ketika sesuatu akan salah. Bagaimana Anda meyakinkan mitra untuk membiayainya?",
    ),
    (
        "lesson.compliance.next",
        "Sapukan kekuatan kepatuhan dari 0 sampai 1 dan temukan titik ketika tambahan kepatuhan tidak lagi sepadan. Lalu buat regulator longgar dan lihat lagi.",
    ),
    ("lesson.compliance.variant.programme", "Program kepatuhan"),
];
