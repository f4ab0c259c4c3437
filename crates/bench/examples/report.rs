//! The core benchmark natively: times every workload of `aliansi_bench::workloads()` (then the
//! pieces of its maths, `maths_workloads()`) and prints
//! one `BENCH target=native …` line each (median, fastest, ns per partner-month, checksum, and
//! the median CPU time of the thread, on Linux).
//! `tests/browser.rs` prints the same lines from headless Chromium; `scripts/perf.sh` runs both
//! in one go and computes the wasm/native ratio.
//!
//! `cargo run --release -p aliansi-bench --example report [NAME...]`
//!
//! With `--serve`, it times nothing by itself: it answers on a local port (printed as
//! `SERVING port=N`) with one sample of a workload at a time, `GET /sample/NAME` (nanoseconds
//! per call, after a warm-up the first time), for `tests/browser.rs`'s paired benchmark to time
//! native and wasm samples in turn, seconds apart; `GET /quit` stops it.
//!
//! With `--once`, each workload is called once and only its checksum printed: for counting
//! its instructions exactly (`valgrind --tool=callgrind … report --once NAME`, as
//! `scripts/perf.sh --baseline` does), which a shared machine's drifting speed cannot disturb.
use std::time::Instant;

/// This thread's CPU time in milliseconds, from Linux's /proc/thread-self/schedstat (its first
/// field: nanoseconds on a CPU); `None` elsewhere.
fn cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

/// A monotonic clock in milliseconds from now.
fn clock() -> impl Fn() -> f64 {
    let start = Instant::now();
    move || start.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut only: Vec<String> = std::env::args().skip(1).collect();
    if only.iter().any(|a| a == "--serve") {
        return serve();
    }
    let once = only.iter().any(|a| a == "--once");
    only.retain(|a| a != "--once");
    let now_ms = clock();
    let cpu_clock = || cpu_ms().unwrap_or(f64::NAN);
    for w in aliansi_bench::all_workloads() {
        if !only.is_empty() && !only.iter().any(|n| n == w.name) {
            continue;
        }
        if once {
            println!("ONCE name={} checksum={:016x}", w.name, (w.run)());
            continue;
        }
        let m = aliansi_bench::measure(&w, &now_ms, cpu_ms().is_some().then_some(&cpu_clock));
        println!("{}", m.line("native"));
    }
}

/// `--serve`: see the module's documentation. One request at a time: while a sample runs, the
/// browser waits for it (a synchronous request), so the two sides never run at once.
fn serve() {
    use std::collections::HashMap;
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("a local port");
    let port = listener.local_addr().expect("the port bound").port();
    println!("SERVING port={port}");
    let now_ms = clock();
    let all = aliansi_bench::all_workloads();
    let mut checksums = HashMap::new();
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut request = String::new();
        let mut reader = BufReader::new(&stream);
        if reader.read_line(&mut request).is_err() {
            continue;
        }
        // The rest of the request's head, unread, would reset the connection on close.
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            line.clear();
        }
        let path = request.split_whitespace().nth(1).unwrap_or("");
        let (status, body, quit) = match path.split_once("/sample/") {
            _ if path == "/quit" => ("200 OK", "bye".to_string(), true),
            Some(("", name)) => match all.iter().find(|w| w.name == name) {
                Some(w) => {
                    let checksum = *checksums
                        .entry(w.name)
                        .or_insert_with(|| aliansi_bench::warm_up(w, &now_ms));
                    let ns = aliansi_bench::sample(w, &now_ms, checksum);
                    ("200 OK", format!("{ns:.0}"), false)
                }
                None => ("404 Not Found", format!("no workload {name}"), false),
            },
            _ => ("404 Not Found", format!("no such request: {path}"), false),
        };
        // Any origin: the page of wasm-bindgen-test-runner is on another port.
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nAccess-Control-Allow-Origin: *\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        if quit {
            return;
        }
    }
}
