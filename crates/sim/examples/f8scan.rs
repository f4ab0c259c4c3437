use aliansi_sim::*;
use aliansi_sim::validation::*;
fn main() {
    for opp10 in 0..=10 {
        let opp = opp10 as f64 / 10.0;
        let mut s = twin_scenario(3);
        s.horizon_months = 12;
        s.environment.shock_rate_per_year = 0.0;
        for p in s.partners.iter_mut() { p.opportunism = 0.0; p.patience = 1.0; }
        s.partners[1].opportunism = opp;
        let n = 2000;
        let mut t = 0.0; let mut w = 0.0;
        for k in 0..n {
            let mut world = World::new(&s, batch::run_seed(1, k), false).unwrap();
            while world.step().is_none() { w += world.partners[1].withholding / 12.0; }
            t += world.trust_in(1);
        }
        println!("opp {:.1} trust_in(1) {:.3} withholding {:.3}", opp, t / n as f64, w / n as f64);
    }
}
