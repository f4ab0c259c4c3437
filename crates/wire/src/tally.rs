//! Batch tallies as JSON (version 1), so partial batches can travel: between the command
//! line's `batch --chunk` and `merge` (a [`PartialBatch`], the tally with the batch it belongs
//! to), and between the app's web workers and its page (the tally alone).
//!
//! Fixed-point sums are written as decimal strings (they exceed JSON's safe integers).

use aliansi_sim::batch::{HIST_BINS, VALUE_BINS};
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

/// Reads a tally back; a clear message names what is wrong.
pub fn tally_from_value(v: &Value) -> Result<BatchTally, String> {
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
    let dead: u64 = t.deaths.iter().sum();
    if dead > t.runs || t.causes.iter().sum::<u64>() != dead {
        return Err("deaths and causes do not add up".into());
    }
    Ok(t)
}

/// The `"format"` of a partial-batch file.
pub const PARTIAL_FORMAT: &str = "aliansi-tally";
/// The partial-batch file version this build reads and writes.
pub const PARTIAL_VERSION: u64 = 1;

/// A partial batch as the command line's `batch --chunk I/N --out FILE` writes it: the tally of
/// the runs `range` (start, end) of a batch of `runs_total` runs of `scenario` (its `s1.` link)
/// from master seed `seed`, and which part of the batch it is (I and N).
///
/// Version 1, a JSON object: `"format": "aliansi-tally"`, `"version": 1`, `"scenario"`,
/// `"seed"`, `"runs_total"`, `"chunk"` (`"I/N"`, optional: files without it are read with
/// `part` = `None`), `"range"` (`[start, end]`) and `"tally"` ([`tally_to_value`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PartialBatch {
    pub tally: BatchTally,
    pub scenario: String,
    pub seed: u64,
    pub runs_total: u64,
    pub range: (u64, u64),
    /// (I, N): the I-th of N parts, 1 <= I <= N; `None` when the file does not say.
    pub part: Option<(u64, u64)>,
}

/// The partial batch as a JSON object (see [`PartialBatch`]).
pub fn partial_to_value(p: &PartialBatch) -> Value {
    let mut v = json!({
        "format": PARTIAL_FORMAT,
        "version": PARTIAL_VERSION,
        "scenario": p.scenario,
        "seed": p.seed,
        "runs_total": p.runs_total,
    });
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
fn part_of(s: &str) -> Option<(u64, u64)> {
    let (i, n) = s.split_once('/')?;
    let (i, n): (u64, u64) = (i.parse().ok()?, n.parse().ok()?);
    (1..=n).contains(&i).then_some((i, n))
}

/// Reads a partial batch back (see [`PartialBatch`]); a clear message names what is wrong.
pub fn partial_from_value(v: &Value) -> Result<PartialBatch, String> {
    if v["format"] != PARTIAL_FORMAT {
        return Err(format!(
            "not an aliansi partial batch (format is not \"{PARTIAL_FORMAT}\")"
        ));
    }
    if v["version"] != PARTIAL_VERSION {
        return Err(format!(
            "unsupported partial-batch version {} (this build reads {PARTIAL_VERSION})",
            v["version"]
        ));
    }
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
    Ok(PartialBatch {
        tally,
        scenario: v["scenario"]
            .as_str()
            .ok_or("field scenario is missing")?
            .to_string(),
        seed: u("seed")?,
        runs_total: u("runs_total")?,
        range,
        part,
    })
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
        let s = aliansi_sim::presets::default_scenario();
        let p = PartialBatch {
            tally: aliansi_sim::run_chunk(&s, 3, 10..20).unwrap(),
            scenario: crate::encode_link(&s),
            seed: 3,
            runs_total: 40,
            range: (10, 20),
            part: Some((2, 4)),
        };
        let v = partial_to_value(&p);
        assert_eq!(v["chunk"], "2/4");
        assert_eq!(partial_from_value(&v).unwrap(), p);
        // Files without "chunk" (the field is optional) read with no part number.
        let mut old = v.clone();
        old.as_object_mut().unwrap().remove("chunk");
        let back = partial_from_value(&old).unwrap();
        assert_eq!(back.part, None);
        assert_eq!(back.tally, p.tally);
        assert_eq!(
            partial_to_value(&PartialBatch {
                part: None,
                ..p.clone()
            }),
            old
        );
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
}
