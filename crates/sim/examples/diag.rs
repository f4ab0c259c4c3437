use aliansi_sim::*;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let preset = args.get(1).map(|s| s.as_str()).unwrap_or("default");
    let sc = presets::find(preset).unwrap();
    let n = sc.partners.len();
    let mut exits = vec![0u32; n];
    let mut sats: Vec<Vec<f64>> = vec![vec![]; n];
    let mut mins = vec![];
    let mut comps = [0.0f64; 8];
    for k in 0..400u64 {
        let mut w = World::new(&sc, batch::run_seed(1, k), false).unwrap();
        let mut minsat: f64 = 1.0;
        while w.step().is_none() {
            if w.month == 24 { for i in 0..n { if w.partners[i].active { sats[i].push(w.partners[i].satisfaction);} } }
            for i in w.active() { minsat = minsat.min(w.partners[i].satisfaction); }
            if w.month == 24 { comps[0] += w.mean_trust(); comps[1] += w.goal_alignment; comps[2] += w.cultural_friction; comps[3]+= w.misfit; comps[4]+=w.tension; comps[5]+= w.disputes.len() as f64; comps[6]+= w.value; comps[7]+=w.match_quality;}
        }
        mins.push(minsat);
        for i in 0..n { if w.partners[i].exit_month.is_some() { exits[i]+=1; } }
    }
    println!("exits per partner {:?}", exits);
    for i in 0..n { let mut v = sats[i].clone(); v.sort_by(|a,b| a.partial_cmp(b).unwrap()); let q = |p: f64| v[((v.len()-1) as f64 * p) as usize]; println!("p{} sat@24 p10 {:.2} p50 {:.2} p90 {:.2}", i, q(0.1), q(0.5), q(0.9)); }
    mins.sort_by(|a,b| a.partial_cmp(b).unwrap());
    println!("min sat over run: p10 {:.2} p50 {:.2} p90 {:.2}", mins[40], mins[200], mins[360]);
    println!("@24 means trust {:.2} ga {:.2} cf {:.2} misfit {:.2} tension {:.2} disputes {:.2} value {:.1} mq {:.2}", comps[0]/400., comps[1]/400., comps[2]/400., comps[3]/400., comps[4]/400., comps[5]/400., comps[6]/400., comps[7]/400.);
}
