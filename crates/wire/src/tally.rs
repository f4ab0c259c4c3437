//! Batch tallies as JSON (version 1), so partial batches can travel: between the command
//! line's `batch --chunk` and `merge` (a [`PartialBatch`], the tally with the batch it belongs
//! to), and between the app's web workers and its page (the tally alone).
//!
//! Fixed-point sums are written as decimal strings (they exceed JSON's safe integers).

use aliansi_sim::batch::{value_bin_floor, HIST_BINS, VALUE_BINS};
use aliansi_sim::BatchTally;
use serde_json::{json, Value};

/// The tally as a JSON object.
pub fn tally_to_value(t: &BatchTally) -> Value {
    let strings = |v: &[i128]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    json!({
        "horizon_months": t.horizon_months,
        "runs": t.runs,
        "deaths": t.deaths,
        "causes": t.causes,
        "value_sum_fx": t.value_sum_fx.to_string(),
        "trust_sum_fx": t.trust_sum_fx.to_string(),
        "checksum": format!("{:016x}", t.checksum),
        "trust_hist": t.trust_hist,
        "value_hist": t.value_hist,
        "share_hist": t.share_hist,
        "share_sum_fx": strings(&t.share_sum_fx),
    })
}

/// Reads a tally back, and checks that its counts add up (see `check_counts`: a part file may
/// have been damaged or edited); a clear message names what is wrong.
pub fn tally_from_value(v: &Value) -> Result<BatchTally, String> {
    let t = tally_from_value_unchecked(v)?;
    check_counts(&t)?;
    Ok(t)
}

/// Reads a tally back without checking that its counts add up: for the tallies a program's own
/// workers hand it in memory (the app's web workers), which never were a file. (The checks
/// would add their code to every download of the app.)
pub fn tally_from_value_unchecked(v: &Value) -> Result<BatchTally, String> {
    let u = |k: &str| {
        v[k].as_u64()
            .ok_or_else(|| format!("field {k} is missing or not a whole number"))
    };
    let big = |x: &Value, k: &str| -> Result<i128, String> {
        x.as_str()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("field {k} is not a whole number in a string"))
    };
    let list = |x: &Value, k: &str| -> Result<Vec<u64>, String> {
        x.as_array()
            .ok_or_else(|| format!("field {k} is not a list"))?
            .iter()
            .map(|x| {
                x.as_u64()
                    .ok_or_else(|| format!("field {k} holds something other than whole numbers"))
            })
            .collect()
    };
    let horizon = u32::try_from(u("horizon_months")?)
        .map_err(|_| "horizon_months is too large".to_string())?;
    if horizon == 0 || horizon > aliansi_sim::MAX_HORIZON_MONTHS {
        return Err("horizon_months is out of range".into());
    }
    let mut t = BatchTally::new(horizon);
    t.runs = u("runs")?;
    t.deaths = list(&v["deaths"], "deaths")?;
    if t.deaths.len() != horizon as usize {
        return Err("deaths must have one entry per month of the horizon".into());
    }
    let causes = list(&v["causes"], "causes")?;
    if causes.len() != t.causes.len() {
        return Err(format!("causes must have {} entries", t.causes.len()));
    }
    t.causes.copy_from_slice(&causes);
    t.value_sum_fx = big(&v["value_sum_fx"], "value_sum_fx")?;
    t.trust_sum_fx = big(&v["trust_sum_fx"], "trust_sum_fx")?;
    t.checksum = v["checksum"]
        .as_str()
        .and_then(|s| u64::from_str_radix(s, 16).ok())
        .ok_or("field checksum is not hexadecimal")?;
    t.trust_hist = list(&v["trust_hist"], "trust_hist")?;
    t.value_hist = list(&v["value_hist"], "value_hist")?;
    if t.trust_hist.len() != HIST_BINS || t.value_hist.len() != VALUE_BINS {
        return Err("histograms have the wrong number of bins".into());
    }
    t.share_hist = v["share_hist"]
        .as_array()
        .ok_or("field share_hist is not a list")?
        .iter()
        .map(|h| list(h, "share_hist"))
        .collect::<Result<_, _>>()?;
    t.share_sum_fx = v["share_sum_fx"]
        .as_array()
        .ok_or("field share_sum_fx is not a list")?
        .iter()
        .map(|x| big(x, "share_sum_fx"))
        .collect::<Result<_, _>>()?;
    if t.share_hist.len() != t.share_sum_fx.len()
        || t.share_hist.iter().any(|h| h.len() != HIST_BINS)
    {
        return Err("share histograms do not match".into());
    }
    Ok(t)
}

/// The fixed-point scale of the core's sums (`aliansi_sim::batch`'s `FX`, private there): a
/// run adds `round(x * FX)` for its final trust and each partner's share.
const FX: i128 = 1 << 24;

/// What every tally of whole runs satisfies, as `BatchTally::add` builds it: each run is
/// counted once in the trust and value histograms and once in each partner's share histogram,
/// dissolves at most once and then with one cause, and adds a final trust and shares in [0, 1]
/// (in the bin of its histogram) that add up to at most 1, and a value in the bin of the value
/// histogram. A tally that breaks one was damaged
/// or edited. (How many runs survived is not stored apart, so a dissolution added in `deaths`
/// and in `causes` together cannot be told from a true one, as long as no more runs dissolve
/// than there are.)
fn check_counts(t: &BatchTally) -> Result<(), String> {
    let runs = t.runs;
    // Sums as u128: the counts come from a file and may be anything.
    let sum = |v: &[u64]| v.iter().map(|&x| u128::from(x)).sum::<u128>();
    let wrong = |what: String| Err(format!("the tally does not add up: {what}"));
    let dead = sum(&t.deaths);
    if dead > u128::from(runs) {
        return wrong(format!(
            "deaths counts {dead} dissolutions, more than its {runs} runs"
        ));
    }
    let causes = sum(&t.causes);
    if causes != dead {
        return wrong(format!(
            "deaths counts {dead} dissolutions but causes counts {causes}"
        ));
    }
    for (k, h) in [("trust_hist", &t.trust_hist), ("value_hist", &t.value_hist)] {
        let n = sum(h);
        if n != u128::from(runs) {
            return wrong(format!("{k} counts {n} runs, not its {runs} runs"));
        }
    }
    if runs > 0 && t.share_hist.is_empty() {
        return wrong(format!("share_hist is empty, but it has {runs} runs"));
    }
    for (i, h) in t.share_hist.iter().enumerate() {
        let n = sum(h);
        if n != u128::from(runs) {
            return wrong(format!(
                "share_hist of partner {} counts {n} runs, not its {runs} runs",
                i + 1
            ));
        }
    }
    // The fixed-point sums: at most FX for each run (i128 cannot overflow: runs < 2^64).
    let most = i128::from(runs) * FX;
    if !(0..=most).contains(&t.trust_sum_fx) {
        return wrong("trust_sum_fx gives a mean final trust outside [0, 1]".into());
    }
    for (i, s) in t.share_sum_fx.iter().enumerate() {
        if !(0..=most).contains(s) {
            return wrong(format!(
                "share_sum_fx gives partner {} a mean share outside [0, 1]",
                i + 1
            ));
        }
    }
    // A run in bin b of a histogram over [0, 1] adds between b/20 and (b + 1)/20 (times FX,
    // rounded; one more either way for a value on a bin's edge).
    let fits = |hist: &[u64], sum: i128| {
        let bins = hist.len() as i128;
        let (mut low, mut high) = (0i128, 0i128);
        for (b, &n) in hist.iter().enumerate() {
            let (b, n) = (b as i128, i128::from(n));
            low += n * ((b * FX) / bins - 1);
            high += n * (((b + 1) * FX + bins - 1) / bins + 1);
        }
        (low..=high).contains(&sum)
    };
    if !fits(&t.trust_hist, t.trust_sum_fx) {
        return wrong("trust_sum_fx does not fit trust_hist (the mean is outside its bins)".into());
    }
    if !value_fits(&t.value_hist, t.value_sum_fx, runs) {
        return wrong("value_sum_fx does not fit value_hist (the mean is outside its bins)".into());
    }
    for (i, (h, s)) in t.share_hist.iter().zip(&t.share_sum_fx).enumerate() {
        if !fits(h, *s) {
            return wrong(format!(
                "share_sum_fx of partner {} does not fit its share_hist (the mean is outside its bins)",
                i + 1
            ));
        }
    }
    // A run's shares add up to 1 (or 0 when nothing was paid out), each rounded by at most 1/2.
    let partners = t.share_sum_fx.len() as i128;
    let shares: i128 = t.share_sum_fx.iter().sum();
    if shares > most + i128::from(runs) * partners {
        return wrong("share_sum_fx gives shares that add up to more than 1".into());
    }
    Ok(())
}

/// Whether the fixed-point sum of the runs' value fits their value histogram: a run in bin b
/// adds at least the bin's floor and less than the next bin's ([`value_bin_floor`]; the last
/// bin has no ceiling), times FX, rounded. The bins' edges are powers of ten, so in floating
/// point, with a relative margin for the edges (`value_bin` finds a run's bin through a
/// logarithm) and one unit a run for the rounding. Values are never negative: a month's value
/// is its gross times a factor clamped to [0, 1].
fn value_fits(hist: &[u64], sum: i128, runs: u64) -> bool {
    const MARGIN: f64 = 1e-9;
    let (mut low, mut high) = (0.0, 0.0);
    for (b, &n) in hist.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let n = n as f64;
        low += n * value_bin_floor(b);
        high += if b + 1 < VALUE_BINS {
            n * value_bin_floor(b + 1)
        } else {
            f64::INFINITY
        };
    }
    let fx = FX as f64;
    let slack = runs as f64;
    let sum = sum as f64;
    sum >= low * fx * (1.0 - MARGIN) - slack && sum <= high * fx * (1.0 + MARGIN) + slack
}

/// The `"format"` of a partial-batch file.
pub const PARTIAL_FORMAT: &str = "aliansi-tally";
/// The partial-batch file version this build reads and writes.
pub const PARTIAL_VERSION: u64 = 1;

/// A partial batch as the command line's `batch --chunk I/N --out FILE` writes it: the tally of
/// the runs `range` (start, end) of a batch of `runs_total` runs of `scenario` (its `s1.` link)
/// from master seed `seed`, and which part of the batch it is (I and N).
///
/// Version 1, a JSON object: `"format": "aliansi-tally"`, `"version": 1`, `"cli_version"`
/// (the version of the `aliansi` build that wrote it; optional: older files lack it),
/// `"model_version"` (the model's, `aliansi_sim::MODEL_VERSION`, whose runs the tally counts;
/// optional: files written before 2026-11-30 lack it),
/// `"scenario"`, `"seed"`, `"runs_total"`, `"chunk"` (`"I/N"`, optional: files without it are
/// read with `part` = `None`), `"range"` (`[start, end]`) and `"tally"` ([`tally_to_value`]).
///
/// Reading one checks that its tally adds up (see [`tally_from_value`]) and fits its scenario
/// (horizon, partners).
#[derive(Clone, Debug, PartialEq)]
pub struct PartialBatch {
    pub tally: BatchTally,
    pub scenario: String,
    pub seed: u64,
    pub runs_total: u64,
    pub range: (u64, u64),
    /// (I, N): the I-th of N parts, 1 <= I <= N; `None` when the file does not say.
    pub part: Option<(u64, u64)>,
    /// The version of the `aliansi` build that wrote the file; `None` when it does not say.
    pub cli_version: Option<String>,
    /// The version of the model whose runs the tally counts; `None` when the file does not say.
    pub model_version: Option<String>,
}

/// The partial batch as a JSON object (see [`PartialBatch`]).
pub fn partial_to_value(p: &PartialBatch) -> Value {
    let mut v = json!({
        "format": PARTIAL_FORMAT,
        "version": PARTIAL_VERSION,
    });
    if let (Value::Object(m), Some(cli)) = (&mut v, &p.cli_version) {
        m.insert("cli_version".into(), json!(cli));
    }
    if let (Value::Object(m), Some(model)) = (&mut v, &p.model_version) {
        m.insert("model_version".into(), json!(model));
    }
    if let Value::Object(m) = &mut v {
        m.insert("scenario".into(), json!(p.scenario));
        m.insert("seed".into(), json!(p.seed));
        m.insert("runs_total".into(), json!(p.runs_total));
    }
    if let (Value::Object(m), Some((i, n))) = (&mut v, p.part) {
        m.insert("chunk".into(), json!(format!("{i}/{n}")));
    }
    if let Value::Object(m) = &mut v {
        m.insert("range".into(), json!([p.range.0, p.range.1]));
        m.insert("tally".into(), tally_to_value(&p.tally));
    }
    v
}

/// `"I/N"` with 1 <= I <= N.
pub(crate) fn part_of(s: &str) -> Option<(u64, u64)> {
    let (i, n) = s.split_once('/')?;
    let (i, n): (u64, u64) = (i.parse().ok()?, n.parse().ok()?);
    (1..=n).contains(&i).then_some((i, n))
}

/// Checks a part file's `"format"` and `"version"`; `what` names the kind in the messages
/// ("partial batch": "not an aliansi partial batch", "unsupported partial-batch version 2").
pub(crate) fn check_format(
    v: &Value,
    format: &str,
    version: u64,
    what: &str,
) -> Result<(), String> {
    if v["format"] != format {
        return Err(format!(
            "not an aliansi {what} (format is not \"{format}\")"
        ));
    }
    if v["version"] != version {
        return Err(format!(
            "unsupported {} version {} (this build reads {version})",
            what.replace(' ', "-"),
            v["version"]
        ));
    }
    Ok(())
}

/// The text of an optional field (`None` when it is missing or null).
pub(crate) fn optional_text(v: &Value, name: &str) -> Result<Option<String>, String> {
    match &v[name] {
        Value::Null => Ok(None),
        c => Ok(Some(
            c.as_str()
                .ok_or(format!("field {name} is not a string"))?
                .to_string(),
        )),
    }
}

/// Reads a partial batch back (see [`PartialBatch`]); a clear message names what is wrong.
pub fn partial_from_value(v: &Value) -> Result<PartialBatch, String> {
    check_format(v, PARTIAL_FORMAT, PARTIAL_VERSION, "partial batch")?;
    let u = |k: &str| {
        v[k].as_u64()
            .ok_or_else(|| format!("field {k} is missing or not a whole number"))
    };
    let tally = tally_from_value(&v["tally"])?;
    let range = v["range"]
        .as_array()
        .filter(|r| r.len() == 2)
        .and_then(|r| Some((r[0].as_u64()?, r[1].as_u64()?)))
        .ok_or("field range is not [start, end]")?;
    if range.1 < range.0 || range.1 - range.0 != tally.runs {
        return Err("range does not match the number of runs".into());
    }
    let part = match &v["chunk"] {
        Value::Null => None,
        c => Some(
            c.as_str()
                .and_then(part_of)
                .ok_or("field chunk is not \"I/N\" with 1 <= I <= N")?,
        ),
    };
    let cli_version = optional_text(v, "cli_version")?;
    let model_version = optional_text(v, "model_version")?;
    let scenario = v["scenario"]
        .as_str()
        .ok_or("field scenario is missing")?
        .to_string();
    let s = crate::decode_link(&scenario).map_err(|e| format!("scenario: {e}"))?;
    if tally.horizon_months != s.horizon_months {
        return Err(format!(
            "the tally does not add up: it is for {} months, its scenario for {}",
            tally.horizon_months, s.horizon_months
        ));
    }
    if tally.runs > 0 && tally.share_hist.len() != s.partners.len() {
        return Err(format!(
            "the tally does not add up: it has shares for {} partners, its scenario has {}",
            tally.share_hist.len(),
            s.partners.len()
        ));
    }
    Ok(PartialBatch {
        tally,
        scenario,
        seed: u("seed")?,
        runs_total: u("runs_total")?,
        range,
        part,
        cli_version,
        model_version,
    })
}

/// A partial batch of `s` for tests: runs 10..20 of 40 from master seed 3, part 2/4.
#[cfg(test)]
pub(crate) fn sample_part(s: &aliansi_sim::Scenario) -> PartialBatch {
    PartialBatch {
        tally: aliansi_sim::run_chunk(s, 3, 10..20).unwrap(),
        scenario: crate::encode_link(s),
        seed: 3,
        runs_total: 40,
        range: (10, 20),
        part: Some((2, 4)),
        cli_version: Some("1.2.3".into()),
        model_version: Some("2026-11-30".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let s = aliansi_sim::presets::default_scenario();
        let t = aliansi_sim::run_chunk(&s, 3, 0..40).unwrap();
        let v = tally_to_value(&t);
        assert_eq!(tally_from_value(&v).unwrap(), t);
        let text = serde_json::to_string(&v).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(tally_from_value(&back).unwrap(), t);
        let mut broken = v.clone();
        broken["deaths"] = json!([1, 2]);
        assert!(tally_from_value(&broken).unwrap_err().contains("deaths"));
        assert!(tally_from_value(&json!({})).is_err());
        assert!(tally_from_value(&json!("garbage")).is_err());
    }

    #[test]
    fn partial_batches_round_trip_with_or_without_their_part_number() {
        let p = sample_part(&aliansi_sim::presets::default_scenario());
        let v = partial_to_value(&p);
        assert_eq!(v["chunk"], "2/4");
        assert_eq!(v["cli_version"], "1.2.3");
        assert_eq!(v["model_version"], "2026-11-30");
        assert_eq!(partial_from_value(&v).unwrap(), p);
        // Files without "chunk", "cli_version" or "model_version" (all optional: older builds
        // wrote none of them) read with no part number and no versions.
        let mut old = v.clone();
        for field in ["chunk", "cli_version", "model_version"] {
            old.as_object_mut().unwrap().remove(field);
        }
        let back = partial_from_value(&old).unwrap();
        assert_eq!(back.part, None);
        assert_eq!(back.cli_version, None);
        assert_eq!(back.model_version, None);
        assert_eq!(back.tally, p.tally);
        assert_eq!(
            partial_to_value(&PartialBatch {
                part: None,
                cli_version: None,
                model_version: None,
                ..p.clone()
            }),
            old
        );
        for field in ["cli_version", "model_version"] {
            let mut w = v.clone();
            w[field] = json!(3);
            assert!(partial_from_value(&w).unwrap_err().contains(field));
        }
        for bad in [
            json!("0/4"),
            json!("5/4"),
            json!("2"),
            json!(2),
            json!("a/b"),
        ] {
            let mut w = v.clone();
            w["chunk"] = bad.clone();
            let e = partial_from_value(&w).unwrap_err();
            assert!(e.contains("chunk"), "{bad}: {e}");
        }
        let mut w = v.clone();
        w["range"] = json!([10, 21]);
        assert!(partial_from_value(&w).unwrap_err().contains("range"));
        let mut w = v;
        w["version"] = json!(2);
        assert!(partial_from_value(&w)
            .unwrap_err()
            .contains("unsupported partial-batch version 2"));
    }

    /// Tallies as the core makes them, of every preset, short and long, pass the checks.
    #[test]
    fn real_tallies_add_up() {
        for p in aliansi_sim::presets::all() {
            for horizon in [1, 13, p.scenario.horizon_months] {
                let mut s = p.scenario.clone();
                s.horizon_months = horizon;
                s.environment.scripted_shocks.retain(|x| x.month <= horizon);
                let mut whole = BatchTally::new(horizon);
                for range in [0..25, 25..25, 25..40] {
                    let t = aliansi_sim::run_chunk(&s, 11, range).unwrap();
                    assert_eq!(
                        tally_from_value(&tally_to_value(&t)).unwrap(),
                        t,
                        "{}",
                        p.id
                    );
                    whole.merge(&t).unwrap();
                }
                assert_eq!(
                    tally_from_value(&tally_to_value(&whole)).unwrap(),
                    whole,
                    "{} {horizon}",
                    p.id
                );
            }
        }
    }

    /// Every count of a tally adds up to its runs; a damaged one is refused, naming what.
    #[test]
    fn a_tally_that_does_not_add_up_is_refused() {
        let s = aliansi_sim::presets::default_scenario();
        let t = aliansi_sim::run_chunk(&s, 3, 0..40).unwrap();
        assert!(t.deaths.iter().sum::<u64>() > 0, "some runs dissolve");
        // FX is the core's scale: the mean final trust is the sum over FX over the runs.
        assert_eq!(
            t.summary().mean_final_trust,
            t.trust_sum_fx as f64 / FX as f64 / 40.0
        );
        let v = tally_to_value(&t);
        let first = |k: &str| {
            let a = v[k].as_array().unwrap();
            a.iter().position(|x| x.as_u64() > Some(0)).unwrap()
        };
        type Damage<'a> = Box<dyn Fn(&mut Value) + 'a>;
        let damaged: Vec<(&str, Damage, &str)> = vec![
            (
                "more dissolutions than runs",
                Box::new(|w: &mut Value| {
                    let mut deaths = vec![0u64; 120];
                    deaths[0] = 41;
                    w["deaths"] = json!(deaths);
                    w["causes"] = json!([41, 0, 0, 0, 0, 0, 0]);
                }),
                "deaths counts 41 dissolutions, more than its 40 runs",
            ),
            (
                "a death without its cause",
                Box::new(|w: &mut Value| {
                    w["deaths"][30] = json!(w["deaths"][30].as_u64().unwrap() + 5)
                }),
                "but causes counts",
            ),
            (
                "a trust bin",
                Box::new(move |w: &mut Value| {
                    let k = first("trust_hist");
                    w["trust_hist"][k] = json!(w["trust_hist"][k].as_u64().unwrap() + 5);
                }),
                "trust_hist counts 45 runs, not its 40 runs",
            ),
            (
                "a value bin",
                Box::new(move |w: &mut Value| {
                    let k = first("value_hist");
                    w["value_hist"][k] = json!(w["value_hist"][k].as_u64().unwrap() - 1);
                }),
                "value_hist counts 39 runs",
            ),
            (
                "a share bin",
                Box::new(|w: &mut Value| {
                    w["share_hist"][2][0] = json!(w["share_hist"][2][0].as_u64().unwrap() + 1)
                }),
                "share_hist of partner 3 counts 41 runs",
            ),
            (
                "no shares",
                Box::new(|w: &mut Value| {
                    w["share_hist"] = json!([]);
                    w["share_sum_fx"] = json!([]);
                }),
                "share_hist is empty, but it has 40 runs",
            ),
            (
                "more runs",
                Box::new(|w: &mut Value| w["runs"] = json!(41)),
                "trust_hist counts 40 runs, not its 41 runs",
            ),
            (
                "trust above 1",
                Box::new(|w: &mut Value| w["trust_sum_fx"] = json!((41 * FX).to_string())),
                "trust_sum_fx gives a mean final trust outside [0, 1]",
            ),
            (
                "a negative share",
                Box::new(|w: &mut Value| w["share_sum_fx"][1] = json!("-1")),
                "share_sum_fx gives partner 2 a mean share outside [0, 1]",
            ),
            (
                "shares above 1",
                Box::new(|w: &mut Value| {
                    // Each partner near 1, in its top bin: each fits, not all together.
                    let mut top = vec![0u64; HIST_BINS];
                    top[HIST_BINS - 1] = 40;
                    for k in 0..4 {
                        w["share_hist"][k] = json!(top);
                        w["share_sum_fx"][k] = json!((40 * FX * 97 / 100).to_string());
                    }
                }),
                "shares that add up to more than 1",
            ),
            (
                "every trust count moved to the lowest bin",
                Box::new(|w: &mut Value| {
                    let mut low = vec![0u64; HIST_BINS];
                    low[0] = 40;
                    w["trust_hist"] = json!(low);
                }),
                "trust_sum_fx does not fit trust_hist",
            ),
            (
                "every share count moved to the highest bin",
                Box::new(|w: &mut Value| {
                    let mut top = vec![0u64; HIST_BINS];
                    top[HIST_BINS - 1] = 40;
                    w["share_hist"][0] = json!(top);
                }),
                "share_sum_fx of partner 1 does not fit its share_hist",
            ),
            (
                "a value sum far beyond its bins",
                Box::new(|w: &mut Value| w["value_sum_fx"] = json!("99999999999999999999")),
                "value_sum_fx does not fit value_hist",
            ),
            (
                "a negative value sum",
                Box::new(|w: &mut Value| w["value_sum_fx"] = json!("-1")),
                "value_sum_fx does not fit value_hist",
            ),
            (
                "every value count moved to the lowest bin",
                Box::new(|w: &mut Value| {
                    let mut low = vec![0u64; VALUE_BINS];
                    low[0] = 40;
                    w["value_hist"] = json!(low);
                }),
                "value_sum_fx does not fit value_hist",
            ),
            (
                "each value count moved up one bin",
                Box::new(|w: &mut Value| {
                    let mut up = vec![0u64; VALUE_BINS];
                    let old = w["value_hist"].as_array().unwrap().clone();
                    for (b, n) in old.iter().enumerate() {
                        up[(b + 1).min(VALUE_BINS - 1)] += n.as_u64().unwrap();
                    }
                    w["value_hist"] = json!(up);
                }),
                "value_sum_fx does not fit value_hist",
            ),
            (
                "counts past u64 when added",
                Box::new(|w: &mut Value| {
                    w["deaths"][0] = json!(u64::MAX);
                    w["deaths"][1] = json!(u64::MAX);
                }),
                "more than its 40 runs",
            ),
        ];
        for (what, damage, want) in damaged {
            let mut w = v.clone();
            damage(&mut w);
            let e = tally_from_value(&w).unwrap_err();
            assert!(
                e.starts_with("the tally does not add up: ") && e.contains(want),
                "{what}: {e}"
            );
        }
        // A part's tally must fit its scenario too.
        let p = PartialBatch {
            tally: t.clone(),
            scenario: crate::encode_link(&s),
            seed: 3,
            runs_total: 40,
            range: (0, 40),
            part: None,
            cli_version: None,
            model_version: None,
        };
        let mut other = s.clone();
        other.horizon_months = 60;
        let mut w = partial_to_value(&p);
        w["scenario"] = json!(crate::encode_link(&other));
        assert!(partial_from_value(&w)
            .unwrap_err()
            .contains("it is for 120 months, its scenario for 60"));
        other = s.clone();
        other.partners.pop();
        w["scenario"] = json!(crate::encode_link(&other));
        assert!(partial_from_value(&w)
            .unwrap_err()
            .contains("it has shares for 4 partners, its scenario has 3"));
        // Empty tallies (older builds wrote parts of no runs) add up.
        let empty = aliansi_sim::run_chunk(&s, 3, 5..5).unwrap();
        assert_eq!(tally_from_value(&tally_to_value(&empty)).unwrap(), empty);
    }
}
