//! `aliansi-split`: the build's wasm splitter (see the library's documentation).
//!
//!     aliansi-split split IN.wasm COLD_NAMES.txt PRIMARY.wasm SECONDARY.wasm
//!     aliansi-split instrument IN.wasm OUT.wasm NAMES.txt
use std::collections::HashSet;
use std::process::ExitCode;

fn run(args: &[String]) -> Result<String, String> {
    let read = |p: &str| std::fs::read(p).map_err(|e| format!("{p}: {e}"));
    let write = |p: &str, b: &[u8]| std::fs::write(p, b).map_err(|e| format!("{p}: {e}"));
    match args {
        [cmd, input, profile, primary, secondary] if cmd == "split" => {
            let wasm = read(input)?;
            let text = std::fs::read_to_string(profile).map_err(|e| format!("{profile}: {e}"))?;
            let cold: HashSet<String> =
                text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect();
            // ALIANSI_SPLIT_NAMES=1 keeps the function names (stack traces that name them).
            let names = std::env::var("ALIANSI_SPLIT_NAMES").is_ok_and(|v| v == "1");
            let s = aliansi_split::split_with(&wasm, &cold, names)?;
            write(primary, &s.primary)?;
            write(secondary, &s.secondary)?;
            Ok(format!(
                "aliansi-split: {} of {} functions to the secondary; primary {:.1} KB, secondary {:.1} KB (from {:.1} KB)",
                s.cold,
                s.functions,
                s.primary.len() as f64 / 1000.0,
                s.secondary.len() as f64 / 1000.0,
                wasm.len() as f64 / 1000.0
            ))
        }
        [cmd, input, output, names] if cmd == "instrument" => {
            let (wasm, list) = aliansi_split::instrument(&read(input)?)?;
            write(output, &wasm)?;
            write(names, (list.join("\n") + "\n").as_bytes())?;
            Ok(format!("aliansi-split: {} functions instrumented", list.len()))
        }
        _ => Err("usage: aliansi-split split IN.wasm COLD_NAMES.txt PRIMARY.wasm SECONDARY.wasm\n       aliansi-split instrument IN.wasm OUT.wasm NAMES.txt".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("aliansi-split: {e}");
            ExitCode::FAILURE
        }
    }
}
