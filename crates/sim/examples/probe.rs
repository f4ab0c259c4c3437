use aliansi_sim::*;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let preset = args.get(1).map(|s| s.as_str()).unwrap_or("default");
    let runs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let sc = presets::find(preset).unwrap();
    let t = std::time::Instant::now();
    let s = run_batch(&sc, sc.seed, runs).unwrap();
    println!("{} runs in {:?}", runs, t.elapsed());
    println!("survival {:.3} ci {:.3}-{:.3} median {:?}", s.survival_at_horizon, s.survival_ci95.0, s.survival_ci95.1, s.median_survival_months);
    println!("hazard by year {:?}", s.hazard_by_year.iter().map(|h| (h*1000.0).round()/1000.0).collect::<Vec<_>>());
    println!("causes {:?}", s.causes);
    println!("value {:.1} trust {:.3}", s.mean_value, s.mean_final_trust);
    let r = run(&sc, sc.seed).unwrap();
    println!("single: {:?} months {}", r.outcome, r.months);
    for m in r.series.iter().step_by(12) {
        println!("m{} mkt {:.2} val {:.1} trust {:.2} disp {} tens {:.2} mis {:.2} ga {:.2} cf {:.2} fair {:.2} sat {:?}", m.month, m.market, m.value, m.mean_trust, m.open_disputes, m.tension, m.misfit, m.goal_alignment, m.cultural_friction, m.fairness, m.satisfaction.iter().map(|s| (s*100.0).round()/100.0).collect::<Vec<_>>());
    }
    for e in r.events.iter().filter(|e| !matches!(e.kind, EventKind::DisputeStep{..})).take(40) { println!("{:?}", e); }
}
