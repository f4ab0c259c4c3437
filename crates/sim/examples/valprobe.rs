use aliansi_sim::validation::*;
fn main() {
    let runs: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let only = std::env::args().nth(2);
    let mut all = experiments();
    all.extend(edge_cases());
    for l in sensitivity_levers() { all.push(sensitivity_experiment(&l)); }
    for e in all {
        if let Some(o) = &only { if !e.id.starts_with(o.as_str()) { continue; } }
        let t = std::time::Instant::now();
        let r = e.run(1, runs);
        println!("{:5} {:>8.4} [{:>8.4}, {:>8.4}] {} arms {:?} {:?} {} ({:.1}s) {:?}", e.id, r.effect, r.ci95.0, r.ci95.1, if r.pass {"PASS"} else {"FAIL"}, r.arm_means.iter().map(|m| (m*1000.0).round()/1000.0).collect::<Vec<_>>(), e.metric, e.comparison, t.elapsed().as_secs_f64(), step_ratio(&r.arm_means));
    }
}
