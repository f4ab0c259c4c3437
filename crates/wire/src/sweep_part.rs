//! Partial sweeps: the files of the command line's `sweep --chunk I/N --out FILE`, which
//! `aliansi merge` combines into exactly the sweep one machine would have run.

use serde_json::{json, Value};

use crate::tally::{
    check_format, optional_text, partial_from_value, partial_to_value, PartialBatch,
};

/// The `"format"` of a partial-sweep file.
pub const SWEEP_PART_FORMAT: &str = "aliansi-sweep-tally";
/// The partial-sweep file version this build reads and writes.
pub const SWEEP_PART_VERSION: u64 = 1;

/// A partial sweep as `aliansi sweep --chunk I/N --out FILE` writes it: for every point of the
/// sweep, the I-th of N parts of that point's batch.
///
/// Version 1, a JSON object: `"format": "aliansi-sweep-tally"`, `"version": 1`,
/// `"cli_version"` (optional), `"model_version"` (optional), `"param"` and `"values"` (the
/// swept field and its values, as typed on the command line), `"param2"` and `"values2"` (the
/// second field of a grid; both or neither), `"chunk"` (`"I/N"`) and `"points"`: one partial
/// batch ([`PartialBatch`], in its own JSON form) per point, row by row: for each value of the
/// second field (a single row without one), every value of the first.
///
/// Reading one checks every point as [`partial_from_value`] does, and that the points agree
/// with the sweep: as many as its values make, each the same part of a batch of the same
/// number of runs, of the same model.
#[derive(Clone, Debug, PartialEq)]
pub struct PartialSweep {
    pub param: String,
    pub values: Vec<String>,
    /// The second field of a grid and its values.
    pub second: Option<(String, Vec<String>)>,
    /// (I, N): the I-th of N parts, 1 <= I <= N.
    pub part: (u64, u64),
    /// The version of the `aliansi` build that wrote the file; `None` when it does not say.
    pub cli_version: Option<String>,
    /// The version of the model whose runs the points count; `None` when it does not say.
    pub model_version: Option<String>,
    /// The points, row by row (see above).
    pub points: Vec<PartialBatch>,
}

/// Whether `v` says it is a partial sweep (by its `"format"`; it may still fail to read).
pub fn is_partial_sweep(v: &Value) -> bool {
    v["format"] == SWEEP_PART_FORMAT
}

/// The partial sweep as a JSON object (see [`PartialSweep`]).
pub fn partial_sweep_to_value(p: &PartialSweep) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("format".into(), json!(SWEEP_PART_FORMAT));
    m.insert("version".into(), json!(SWEEP_PART_VERSION));
    if let Some(cli) = &p.cli_version {
        m.insert("cli_version".into(), json!(cli));
    }
    if let Some(model) = &p.model_version {
        m.insert("model_version".into(), json!(model));
    }
    m.insert("param".into(), json!(p.param));
    m.insert("values".into(), json!(p.values));
    if let Some((param2, values2)) = &p.second {
        m.insert("param2".into(), json!(param2));
        m.insert("values2".into(), json!(values2));
    }
    m.insert("chunk".into(), json!(format!("{}/{}", p.part.0, p.part.1)));
    m.insert(
        "points".into(),
        Value::Array(p.points.iter().map(partial_to_value).collect()),
    );
    Value::Object(m)
}

/// A list of strings, not empty.
fn strings(v: &Value, field: &str) -> Result<Vec<String>, String> {
    let list = v[field]
        .as_array()
        .filter(|a| !a.is_empty())
        .ok_or(format!("field {field} is missing or not a list of values"))?;
    list.iter()
        .map(|x| x.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or(format!("field {field} holds something other than text"))
}

/// Reads a partial sweep back (see [`PartialSweep`]); a clear message names what is wrong.
pub fn partial_sweep_from_value(v: &Value) -> Result<PartialSweep, String> {
    check_format(v, SWEEP_PART_FORMAT, SWEEP_PART_VERSION, "partial sweep")?;
    let text_field = |name: &str| optional_text(v, name);
    let cli_version = text_field("cli_version")?;
    let model_version = text_field("model_version")?;
    let param = text_field("param")?.ok_or("field param is missing")?;
    let values = strings(v, "values")?;
    let second = match (text_field("param2")?, &v["values2"]) {
        (None, Value::Null) => None,
        (Some(p2), _) => Some((p2, strings(v, "values2")?)),
        (None, _) => return Err("field values2 comes without param2".into()),
    };
    let part = v["chunk"]
        .as_str()
        .and_then(crate::tally::part_of)
        .ok_or("field chunk is missing or not \"I/N\" with 1 <= I <= N")?;
    let list = v["points"]
        .as_array()
        .ok_or("field points is missing or not a list")?;
    let want = values.len() * second.as_ref().map_or(1, |(_, v2)| v2.len());
    if list.len() != want {
        return Err(format!(
            "it holds {} points where its values make {want}",
            list.len()
        ));
    }
    let mut points = Vec::with_capacity(list.len());
    for (k, p) in list.iter().enumerate() {
        let point = partial_from_value(p).map_err(|e| format!("point {}: {e}", k + 1))?;
        let differs = if point.part != Some(part) {
            Some("part number")
        } else if point.model_version != model_version {
            Some("model version")
        } else if points
            .first()
            .is_some_and(|first: &PartialBatch| first.runs_total != point.runs_total)
        {
            Some("number of runs")
        } else {
            None
        };
        if let Some(what) = differs {
            return Err(format!(
                "point {}: its {what} differs from the sweep's (a damaged or edited file)",
                k + 1
            ));
        }
        points.push(point);
    }
    Ok(PartialSweep {
        param,
        values,
        second,
        part,
        cli_version,
        model_version,
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sweep() -> PartialSweep {
        let s = aliansi_sim::presets::default_scenario();
        let point = |rivalry: f64| {
            let mut sc = s.clone();
            sc.environment.rivalry = rivalry;
            crate::tally::sample_part(&sc)
        };
        PartialSweep {
            param: "environment.rivalry".into(),
            values: vec!["0.1".into(), "0.9".into()],
            second: None,
            part: (2, 4),
            cli_version: Some("1.2.3".into()),
            model_version: Some("2026-11-30".into()),
            points: vec![point(0.1), point(0.9)],
        }
    }

    #[test]
    fn partial_sweeps_round_trip() {
        let p = sweep();
        let v = partial_sweep_to_value(&p);
        assert!(is_partial_sweep(&v));
        assert!(!is_partial_sweep(&v["points"][0]));
        assert_eq!(v["chunk"], "2/4");
        assert_eq!(v["points"][1]["chunk"], "2/4");
        let text = serde_json::to_string(&v).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(partial_sweep_from_value(&back).unwrap(), p);
        // A grid: two rows of two points.
        let mut grid = p.clone();
        grid.second = Some((
            "governance.form".into(),
            vec!["contract".into(), "equity_jv".into()],
        ));
        grid.points = [p.points.clone(), p.points.clone()].concat();
        let v = partial_sweep_to_value(&grid);
        assert_eq!(v["values2"], json!(["contract", "equity_jv"]));
        assert_eq!(partial_sweep_from_value(&v).unwrap(), grid);
    }

    #[test]
    fn a_damaged_partial_sweep_is_refused_with_its_reason() {
        let v = partial_sweep_to_value(&sweep());
        let refused = |edit: &dyn Fn(&mut Value), want: &str| {
            let mut w = v.clone();
            edit(&mut w);
            let e = partial_sweep_from_value(&w).unwrap_err();
            assert!(e.contains(want), "want {want:?}, got {e:?}");
        };
        refused(
            &|w| w["format"] = json!("aliansi-tally"),
            "not an aliansi partial sweep",
        );
        refused(
            &|w| w["version"] = json!(2),
            "unsupported partial-sweep version 2",
        );
        refused(&|w| w["values"] = json!([]), "values");
        refused(&|w| w["values"] = json!([0.1, 0.9]), "values");
        refused(
            &|w| w["values"] = json!(["0.1"]),
            "2 points where its values make 1",
        );
        refused(
            &|w| w["values2"] = json!(["a"]),
            "values2 comes without param2",
        );
        refused(&|w| w["param2"] = json!("governance.form"), "values2");
        refused(&|w| w["chunk"] = json!("5/4"), "chunk");
        refused(&|w| w["points"] = json!({}), "points");
        refused(
            &|w| w["points"][1]["chunk"] = json!("3/4"),
            "point 2: its part number",
        );
        refused(
            &|w| w["points"][0]["model_version"] = json!("x"),
            "point 1: its model version",
        );
        refused(
            &|w| w["points"][1]["runs_total"] = json!(41),
            "point 2: its number of runs",
        );
        refused(
            &|w| w["points"][1]["range"] = json!([10, 21]),
            "point 2: range",
        );
        refused(&|w| w["model_version"] = json!(7), "model_version");
    }
}
