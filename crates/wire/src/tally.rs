//! Batch tallies as JSON (version 1), so partial batches can travel: between the command
//! line's `batch --chunk` and `merge`, and between the app's web workers and its page.
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
}
