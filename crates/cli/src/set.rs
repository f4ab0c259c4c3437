//! `--set PATH=VALUE`: edits the scenario's version-1 JSON value, so paths are exactly the
//! field paths of scenario files and every edit goes back through the wire parser.

use serde_json::Value;

/// Keys that a version-1 file may have but `to_value` leaves out when unset, by schema path
/// (array indices written `*`).
fn optional_keys(schema: &str) -> &'static [&'static str] {
    match schema {
        "" => &["name", "description"],
        "governance" => &["fixed_shares"],
        "environment.scripted_shocks.*" => &["partner"],
        _ => &[],
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn scalar(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()))
}

/// The new value: JSON if it parses (numbers, true/false, objects), else a string. A field
/// holding a list takes a JSON list or a comma-separated list; a field holding a string stays
/// a string even if VALUE looks like a number (partner names such as `3M`).
fn convert(raw: &str, current: &Value) -> Value {
    match current {
        Value::Array(_) => match serde_json::from_str::<Value>(raw) {
            Ok(v @ Value::Array(_)) => v,
            _ if raw.trim().is_empty() => Value::Array(Vec::new()),
            _ => Value::Array(raw.split(',').map(|s| scalar(s.trim())).collect()),
        },
        Value::String(_) => match serde_json::from_str::<Value>(raw) {
            Ok(v @ (Value::String(_) | Value::Object(_))) => v,
            _ => Value::String(raw.to_string()),
        },
        _ => scalar(raw),
    }
}

fn join(done: &str, seg: &str) -> String {
    if done.is_empty() {
        seg.to_string()
    } else {
        format!("{done}.{seg}")
    }
}

/// The indices of a list of `len` elements at `here`, and how to add one: only a path that
/// ends at the new index appends, with the whole element as JSON.
fn indices(here: &str, len: usize) -> String {
    let add = format!("to add one, set it whole as JSON: {here}.{len}={{...}}");
    match len {
        0 => format!("{here} is empty, so it has no indices yet; {add}"),
        1 => format!("{here} has 1 element (index 0); {add}"),
        _ => format!(
            "{here} has {len} elements (indices 0 to {}); {add}",
            len - 1
        ),
    }
}

fn walk(
    v: &mut Value,
    segs: &[&str],
    done: &str,
    schema: &str,
    raw: &str,
    full: &str,
) -> Result<usize, String> {
    let Some((&seg, rest)) = segs.split_first() else {
        *v = convert(raw, v);
        return Ok(1);
    };
    let here = if done.is_empty() {
        "the top level".to_string()
    } else {
        done.to_string()
    };
    match v {
        Value::Object(map) => {
            let opt = optional_keys(schema);
            if !map.contains_key(seg) {
                if rest.is_empty() && opt.contains(&seg) {
                    let placeholder = match seg {
                        "fixed_shares" => Value::Array(Vec::new()),
                        // A title is text even when it looks like a number (`name=2024`).
                        "name" | "description" => Value::String(String::new()),
                        _ => Value::Null,
                    };
                    map.insert(seg.to_string(), placeholder);
                } else {
                    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
                    keys.extend(opt.iter().filter(|k| !map.contains_key(**k)));
                    return Err(format!(
                        "{here} has no field \"{seg}\" (valid: {})",
                        keys.join(", ")
                    ));
                }
            }
            let child = map
                .get_mut(seg)
                .ok_or_else(|| format!("unknown path {full}"))?;
            walk(child, rest, &join(done, seg), &join(schema, seg), raw, full)
        }
        Value::Array(items) => {
            let schema = join(schema, "*");
            if seg == "*" {
                if items.is_empty() {
                    return Err(format!("{here} is empty, so \"*\" matches nothing"));
                }
                let mut n = 0;
                for (i, item) in items.iter_mut().enumerate() {
                    n += walk(item, rest, &join(done, &i.to_string()), &schema, raw, full)?;
                }
                return Ok(n);
            }
            let len = items.len();
            let Ok(i) = seg.parse::<usize>() else {
                let which = match len {
                    0 => format!("{here} is an empty list (no indices yet, nothing for *)"),
                    1 => format!("{here} is a list: use the index 0, or *"),
                    _ => format!(
                        "{here} is a list: use an index from 0 to {}, or * for every element",
                        len - 1
                    ),
                };
                return Err(format!("\"{seg}\" is not an index; {which}"));
            };
            if i == len && rest.is_empty() {
                // One past the end appends (a new partner or scripted shock, given as JSON).
                items.push(Value::Null);
            }
            match items.get_mut(i) {
                Some(item) => walk(item, rest, &join(done, seg), &schema, raw, full),
                None => Err(indices(&here, len)),
            }
        }
        other => Err(format!(
            "{here} is {}, it has no field \"{seg}\"",
            kind(other)
        )),
    }
}

/// Applies one `PATH=VALUE` to a version-1 JSON value. Returns how many fields were set.
pub fn apply(v: &mut Value, assignment: &str) -> Result<usize, String> {
    let Some((path, raw)) = assignment.split_once('=') else {
        return Err(format!("--set expects PATH=VALUE, got \"{assignment}\""));
    };
    let path = path.trim();
    if path.is_empty() {
        return Err(format!(
            "--set expects PATH=VALUE, got \"{assignment}\" (empty path)"
        ));
    }
    let segs: Vec<&str> = path.split('.').collect();
    if segs.iter().any(|s| s.is_empty()) {
        return Err(format!("the path {path} has an empty segment"));
    }
    if segs[0] == "version" {
        return Err("version cannot be set (this build reads and writes version 1)".to_string());
    }
    let n = walk(v, &segs, "", "", raw, path)?;
    // Switching away from fixed sharing drops the fixed shares, unless the user sets them.
    if path == "governance.sharing" {
        if let Some(g) = v.get_mut("governance").and_then(Value::as_object_mut) {
            if g.get("sharing").and_then(Value::as_str) != Some("fixed") {
                g.remove("fixed_shares");
            }
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Value {
        aliansi_wire::to_value(&aliansi_sim::presets::default_scenario())
    }

    #[test]
    fn sets_scalars_lists_and_wildcards() {
        let mut v = base();
        apply(&mut v, "horizon_months=60").unwrap();
        apply(&mut v, "governance.alliance_manager=true").unwrap();
        apply(&mut v, "partners.1.culture=JP").unwrap();
        assert_eq!(apply(&mut v, "partners.*.opportunism=0.6").unwrap(), 4);
        apply(&mut v, "governance.resolution=negotiation,mediation").unwrap();
        apply(&mut v, "partners.0.goals.technology=0.9").unwrap();
        apply(&mut v, "partners.2.name=3M").unwrap();
        let s = aliansi_wire::from_value(&v).unwrap();
        assert_eq!(s.horizon_months, 60);
        assert!(s.governance.alliance_manager);
        assert!(s.partners.iter().all(|p| p.opportunism == 0.6));
        assert_eq!(s.governance.resolution.len(), 2);
        assert_eq!(s.partners[0].goals[1], 0.9);
        assert_eq!(s.partners[2].name, "3M");
    }

    #[test]
    fn fixed_shares_come_and_go_with_fixed_sharing() {
        let mut v = base();
        apply(&mut v, "governance.sharing=fixed").unwrap();
        apply(&mut v, "governance.fixed_shares=0.4,0.3,0.2,0.1").unwrap();
        let s = aliansi_wire::from_value(&v).unwrap();
        assert_eq!(
            s.governance.sharing,
            aliansi_sim::Sharing::Fixed(vec![0.4, 0.3, 0.2, 0.1])
        );
        apply(&mut v, "governance.sharing=equal").unwrap();
        assert_eq!(
            aliansi_wire::from_value(&v).unwrap().governance.sharing,
            aliansi_sim::Sharing::Equal
        );
    }

    #[test]
    fn appends_a_scripted_shock() {
        let mut v = base();
        apply(
            &mut v,
            r#"environment.scripted_shocks.0={"month":12,"kind":"demand_collapse","severity":0.5}"#,
        )
        .unwrap();
        assert_eq!(
            aliansi_wire::from_value(&v)
                .unwrap()
                .environment
                .scripted_shocks
                .len(),
            1
        );
    }

    /// The core's sweep catalogue spells its paths as --set does: setting any of them through
    /// the JSON form gives the scenario the core's `apply` gives (every preset, every path).
    #[test]
    fn sweep_catalogue_paths_are_set_paths() {
        use aliansi_sim::sweep::{catalogue, Domain};
        let mut checked = 0;
        for preset in aliansi_sim::presets::all() {
            let base = preset.scenario;
            for p in catalogue(&base) {
                let v = match p.domain {
                    Domain::Choice { ref options } => (options.len() - 1) as f64,
                    Domain::Number {
                        min, max, whole, ..
                    } => {
                        let mid = min + (max - min) * 0.37;
                        if whole {
                            mid.round()
                        } else {
                            (mid * 1000.0).round() / 1000.0
                        }
                    }
                };
                // A country's culture has no scores to set in a file; the core makes them
                // custom (tested in the core).
                if p.field.starts_with("partners.culture.") {
                    continue;
                }
                let mut core = base.clone();
                p.apply(&mut core, v);
                let mut value = aliansi_wire::to_value(&base);
                let assignment = format!("{}={}", p.path, p.value_text(v));
                apply(&mut value, &assignment).unwrap_or_else(|e| panic!("{assignment}: {e}"));
                match aliansi_wire::from_value(&value) {
                    Ok(via_set) => assert_eq!(via_set, core, "{} {assignment}", preset.id),
                    // Out of a coupled rule (a scripted shock beyond a shorter horizon): both
                    // ways refuse it.
                    Err(_) => assert!(core.validate().is_err(), "{} {assignment}", preset.id),
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn bad_paths_name_the_valid_keys() {
        let mut v = base();
        let e = apply(&mut v, "partners.0.opportunsm=1").unwrap_err();
        assert!(
            e.contains("partners.0 has no field \"opportunsm\"") && e.contains("opportunism"),
            "{e}"
        );
        let e = apply(&mut v, "colour=1").unwrap_err();
        assert!(
            e.contains("the top level has no field \"colour\"") && e.contains("horizon_months"),
            "{e}"
        );
        let e = apply(&mut v, "partners.9.name=x").unwrap_err();
        assert!(e.contains("partners has 4 elements"), "{e}");
        let e = apply(&mut v, "seed.x=1").unwrap_err();
        assert!(e.contains("seed is a number"), "{e}");
        assert!(apply(&mut v, "nonsense")
            .unwrap_err()
            .contains("PATH=VALUE"));
    }
}
