//! The command line's own words, in English and Bahasa Indonesia (`--lang`): the lines of
//! `run`, `batch`, `sweep` and `merge` around the figures. The story of a run (its events, who
//! left and why) is the app's, from `aliansi_text::narrate`, and so are the causes' names.

use aliansi_text::i18n::{fill, Lang};
/// `v` with `digits` decimals and the language's decimal mark ("44.5", "44,5"): the app's.
pub use aliansi_text::narrate::num;

/// `(key, English, Bahasa Indonesia)`: templates with `{name}` placeholders, filled by [`tf`].
const WORDS: &[(&str, &str, &str)] = &[
    // run
    ("run.survived", "Outcome: survived all {months} (seed {seed}).", "Hasil: bertahan selama {months} penuh (seed {seed})."),
    ("run.dissolved", "Outcome: dissolved in month {month} of {horizon} because of {cause} (seed {seed}).", "Hasil: bubar pada bulan ke-{month} dari {horizon} karena {cause} (seed {seed})."),
    ("run.choices", "With the class's choices from the link (decision mode): {n} disputes, each tried first with the step the class chose.", "Dengan pilihan kelas dari tautan (mode keputusan): {n} sengketa, masing-masing dicoba dulu dengan langkah yang dipilih kelas."),
    ("run.value", "Value created {value}; distributed {distributed}; fines {fines}; trust at the end {trust} (partners of the last month, leavers included).", "Nilai yang tercipta {value}; dibagikan {distributed}; denda {fines}; kepercayaan di akhir {trust} (mitra pada bulan terakhir, termasuk yang keluar)."),
    ("run.payoffs", "Payoffs: {list}.", "Imbalan: {list}."),
    ("run.payoffs_net", "Payoffs: {list} (after exit penalties).", "Imbalan: {list} (setelah denda keluar)."),
    ("run.penalties", "Exit penalties paid to the partners who stayed (in proportion to their shares): {list}.", "Denda keluar yang dibayarkan kepada mitra yang bertahan (sebanding dengan bagian mereka): {list}."),
    ("run.penalty", "{who} {paid} (month {month})", "{who} {paid} (bulan {month})"),
    // batch (and merge)
    ("batch.head", "{runs}{link} of {months}, master seed {seed}", "{runs}{link} selama {months}, seed utama {seed}"),
    ("link_runs", " (as the experiment link asks)", " (sesuai tautan eksperimen)"),
    ("batch.survival", "Survival at month {month}: {pct} (95 % CI {lo} to {hi})", "Kelangsungan pada bulan ke-{month}: {pct} (interval 95% {lo} sampai {hi})"),
    ("batch.median", "Median survival: {months}", "Median lama bertahan: {months}"),
    ("batch.median_over", "Median survival: more than {months} (over half are still together at the end)", "Median lama bertahan: lebih dari {months} (lebih dari separuh masih bersama di akhir)"),
    ("batch.hazard", "Hazard by year (%): {list}", "Laju bubar per tahun (%): {list}"),
    ("hazard.year", "y{year}{part} {pct}", "th{year}{part} {pct}"),
    ("hazard.month", " (month {first})", " (bulan {first})"),
    ("hazard.months", " (months {first}-{last})", " (bulan {first}-{last})"),
    ("batch.causes", "Causes of dissolution ({runs} dissolved):", "Penyebab bubar ({runs} bubar):"),
    ("batch.mean_value", "Mean net value (paid out to the partners, after every cost): {value}", "Rata-rata nilai bersih (dibayarkan kepada para mitra, setelah semua biaya): {value}"),
    ("batch.mean_trust", "Mean final trust: {trust} (each run's trust at the end: partners of its last month, leavers included)", "Rata-rata kepercayaan akhir: {trust} (kepercayaan tiap simulasi di akhir: mitra pada bulan terakhirnya, termasuk yang keluar)"),
    // "Checksum" in Indonesian too: the word Indonesian software uses (there is no common
    // Indonesian one), and the name of the `"checksum"` of `--json` and of the README.
    ("batch.checksum", "Checksum: {sum}", "Checksum: {sum}"),
    ("batch.ran", "{runs} in {seconds} s ({rate} runs/s, {threads})", "{runs} dalam {seconds} detik ({rate} simulasi/detik, {threads})"),
    ("batch.merged", "{runs}, merged from {parts}", "{runs}, digabung dari {parts}"),
    // sweep (and merge)
    ("sweep.head", "{param}: {each}, {seeds}", "{param}: {each}, {seeds}"),
    ("sweep.head2", "{param} x {param2}: {each}, {seeds}", "{param} x {param2}: {each}, {seeds}"),
    ("sweep.each", "{runs}{link} each", "masing-masing {runs}{link}"),
    ("sweep.master", "master seed {seed}", "seed utama {seed}"),
    ("sweep.seed_swept", "each with the value of seed as its master seed", "masing-masing dengan nilai seed sebagai seed utamanya"),
    ("sweep.col.value", "value", "nilai"),
    ("sweep.col.value2", "value2", "nilai2"),
    ("sweep.col.survival", "survival", "kelangsungan"),
    ("sweep.col.ci", "95 % CI", "interval 95%"),
    ("sweep.col.median", "median", "median"),
    ("sweep.col.mean_value", "mean net value", "rata-rata nilai bersih"),
    ("sweep.grid", "Survival at the horizon (%): rows {param2}, columns {param}", "Kelangsungan di akhir jangka waktu (%): baris {param2}, kolom {param}"),
    ("sweep.merged", "{points} of {runs} each, merged from {parts}", "{points} masing-masing {runs}, digabung dari {parts}"),
    // Notes on standard error
    ("progress", "{pct} % ({done}/{runs} runs)", "{pct} % ({done}/{runs} simulasi)"),
    ("note.wrote_batch", "wrote runs {from}..{to} of {link}{runs} (part {i}/{n}) to {path}", "menulis simulasi {from}..{to} dari {runs}{link} (bagian {i}/{n}) ke {path}"),
    ("note.wrote_sweep", "wrote runs {from}..{to} of {link}{runs} at each of {points} (part {i}/{n}) to {path}", "menulis simulasi {from}..{to} dari {runs}{link} di setiap {points} (bagian {i}/{n}) ke {path}"),
    ("note.link_runs", "the experiment link's ", " (jumlah simulasi tautan eksperimen)"),
    ("note.decimal_comma", "note: {opt} {values} is two values, {a} and {b}; for the number {a}.{b} write a decimal point", "catatan: {opt} {values} adalah dua nilai, {a} dan {b}; untuk satu bilangan desimal tulis {a}.{b} (dengan titik)"),
    // What the command line counts ([`count`]): one, and more (Indonesian has one form). The
    // threads of --threads do what the app's workers do, and are named as the app names them.
    ("count.run", "1 run", "1 simulasi"),
    ("count.runs", "{n} runs", "{n} simulasi"),
    ("count.thread", "1 thread", "1 pekerja"),
    ("count.threads", "{n} threads", "{n} pekerja"),
    ("count.part", "1 part", "1 bagian"),
    ("count.parts", "{n} parts", "{n} bagian"),
    ("count.point", "1 point", "1 titik"),
    ("count.points", "{n} points", "{n} titik"),
];

/// The template for `key` in `lang` (a key missing from [`WORDS`] is a bug: tests list them).
pub fn w(lang: Lang, key: &str) -> &'static str {
    let (_, en, id) = WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .unwrap_or_else(|| panic!("no words for {key}"));
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

/// The template for `key` in `lang` with its `{placeholders}` filled.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(w(lang, key), args)
}

/// What the command line counts (months are the app's: `aliansi_text::narrate::months`).
#[derive(Clone, Copy)]
pub enum Thing {
    Run,
    Thread,
    Part,
    Point,
}

/// `n` things: "1 run", "3 runs"; in Indonesian the noun stays as it is ("3 simulasi").
pub fn count(lang: Lang, n: u64, thing: Thing) -> String {
    let (one, many) = match thing {
        Thing::Run => ("count.run", "count.runs"),
        Thing::Thread => ("count.thread", "count.threads"),
        Thing::Part => ("count.part", "count.parts"),
        Thing::Point => ("count.point", "count.points"),
    };
    if n == 1 {
        w(lang, one).to_string()
    } else {
        tf(lang, many, &[("n", &n.to_string())])
    }
}

/// A share as a percentage with one decimal: "44.5 %" ("44,5 %"); see [`pct_number`].
pub fn pct(lang: Lang, share: f64) -> String {
    format!("{} %", pct_number(lang, share))
}

/// A share's percentage with one decimal, without the sign: "44.5". A share that is not 0 or
/// 1 never reads as one: "<0.1" and ">99.9" where one decimal would round it to 0.0 or 100.0
/// (a table copied into a paper would claim that no run ended, where one had).
pub fn pct_number(lang: Lang, share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.05 {
        format!("<{}", num(lang, 0.1, 1))
    } else if (99.95..100.0).contains(&p) {
        format!(">{}", num(lang, 99.9, 1))
    } else {
        num(lang, p, 1)
    }
}

/// The separator of a list whose items hold numbers: in Indonesian the comma is the decimal
/// mark, so a semicolon parts the items.
pub fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Id => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_that_is_not_none_or_all_never_reads_as_one() {
        assert_eq!(pct(Lang::En, 0.0), "0.0 %");
        assert_eq!(pct(Lang::En, 1.0), "100.0 %");
        assert_eq!(pct(Lang::En, 0.9995), ">99.9 %");
        assert_eq!(pct(Lang::En, 0.9994), "99.9 %");
        assert_eq!(pct(Lang::En, 0.0003), "<0.1 %");
        assert_eq!(pct(Lang::En, 0.0005), "0.1 %");
        assert_eq!(pct(Lang::Id, 0.0003), "<0,1 %");
        assert_eq!(pct_number(Lang::En, 0.00029999999999996696), "<0.1");
        assert_eq!(pct(Lang::Id, 0.445), "44,5 %");
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_entry_has_both_languages_with_the_same_placeholders() {
        let mut keys: Vec<&str> = WORDS.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key twice");
        for (key, en, id) in WORDS {
            assert!(!en.trim().is_empty() && !id.trim().is_empty(), "{key}");
            assert_eq!(placeholders(en), placeholders(id), "{key}");
        }
    }

    #[test]
    fn counts_and_numbers_read_in_each_language() {
        assert_eq!(count(Lang::En, 1, Thing::Run), "1 run");
        assert_eq!(count(Lang::En, 3, Thing::Run), "3 runs");
        assert_eq!(count(Lang::Id, 3, Thing::Run), "3 simulasi");
        assert_eq!(count(Lang::Id, 1, Thing::Thread), "1 pekerja");
        assert_eq!(count(Lang::Id, 2, Thing::Thread), "2 pekerja");
        assert_eq!(count(Lang::En, 2, Thing::Thread), "2 threads");
        assert_eq!(count(Lang::En, 1, Thing::Point), "1 point");
        assert_eq!(pct(Lang::En, 0.4451), "44.5 %");
        assert_eq!(pct(Lang::Id, 0.4451), "44,5 %");
        assert_eq!(
            tf(
                Lang::Id,
                "batch.median",
                &[("months", &aliansi_text::narrate::months(Lang::Id, 92))]
            ),
            "Median lama bertahan: 92 bulan"
        );
    }
}
