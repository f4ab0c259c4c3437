//! Decision mode: a dispute's first step chosen from outside the model
//! (`World::awaiting_choice`, `World::choose_resolution`).

use aliansi_sim::{presets, ChoiceError, EventKind, Resolution, World};

/// Plays a run, deciding every new dispute with `choose` (or leaving it to the ladder when it
/// returns `None`). Returns the finished result and how many disputes were decided.
fn play(
    seed: u64,
    choose: impl Fn(&World, u32) -> Option<Resolution>,
) -> (aliansi_sim::RunResult, u32) {
    let s = presets::find("challenge-conflict").expect("preset");
    let mut w = World::new(&s, seed, true).unwrap();
    let mut decided = 0;
    while w.step().is_none() {
        let ids: Vec<u32> = w.awaiting_choice().map(|d| d.id).collect();
        for id in ids {
            if let Some(step) = choose(&w, id) {
                w.choose_resolution(id, step).unwrap();
                decided += 1;
            }
        }
    }
    (w.finish(), decided)
}

fn without_log(mut r: aliansi_sim::RunResult) -> aliansi_sim::RunResult {
    r.events.clear();
    r
}

#[test]
fn no_choice_is_the_plain_run() {
    for seed in 0..5 {
        let (r, decided) = play(seed, |_, _| None);
        assert_eq!(decided, 0);
        let s = presets::find("challenge-conflict").unwrap();
        assert_eq!(r, aliansi_sim::run(&s, seed).unwrap());
    }
}

#[test]
fn choosing_the_ladders_own_first_step_changes_nothing() {
    let s = presets::find("challenge-conflict").unwrap();
    let first = s.governance.resolution[0];
    let mut any = 0;
    for seed in 0..5 {
        let (r, decided) = play(seed, |_, _| Some(first));
        any += decided;
        let plain = aliansi_sim::run(&s, seed).unwrap();
        // Not even the log: the chosen step is named where the ladder's first rung was.
        assert_eq!(r, plain, "seed {seed}");
    }
    assert!(any > 0, "the conflict preset opens disputes");
}

#[test]
fn other_choices_change_the_story() {
    let s = presets::find("challenge-conflict").unwrap();
    let other = [
        Resolution::Avoidance,
        Resolution::Arbitration,
        Resolution::Mediation,
    ]
    .into_iter()
    .find(|r| *r != s.governance.resolution[0])
    .unwrap();
    let differs = (0..10).any(|seed| {
        let (r, decided) = play(seed, |_, _| Some(other));
        decided > 0 && without_log(r) != without_log(aliansi_sim::run(&s, seed).unwrap())
    });
    assert!(
        differs,
        "choosing {other:?} for every dispute changed no run out of 10"
    );
}

#[test]
fn a_choice_is_logged_and_only_allowed_once_before_work_starts() {
    let s = presets::find("challenge-conflict").unwrap();
    for seed in 0..20 {
        let mut w = World::new(&s, seed, true).unwrap();
        while w.step().is_none() {
            let Some(id) = w.awaiting_choice().map(|d| d.id).next() else {
                continue;
            };
            assert_eq!(w.choose_resolution(id, Resolution::Mediation), Ok(()));
            // Logged as the dispute's one step so far, where the ladder's first rung (never
            // tried) was.
            let steps: Vec<Resolution> = w
                .events
                .iter()
                .filter_map(|e| match e.kind {
                    EventKind::DisputeStep { id: i, step } if i == id => Some(step),
                    _ => None,
                })
                .collect();
            assert_eq!(steps, [Resolution::Mediation]);
            assert!(
                w.awaiting_choice().all(|d| d.id != id),
                "decided: no longer awaiting"
            );
            assert_eq!(
                w.dispute_step(w.disputes.iter().find(|d| d.id == id).unwrap()),
                Some(Resolution::Mediation)
            );
            w.step();
            if w.disputes.iter().any(|d| d.id == id) {
                assert_eq!(
                    w.choose_resolution(id, Resolution::Arbitration),
                    Err(ChoiceError::AlreadyUnderway)
                );
            }
            assert_eq!(
                w.choose_resolution(u32::MAX, Resolution::Arbitration),
                Err(ChoiceError::NoSuchDispute)
            );
            return;
        }
    }
    panic!("no dispute opened in 20 runs of the conflict preset");
}

/// `apply_choices` after every month replays choices made beforehand: the run decided dispute
/// by dispute, again; only the choices it finds are applied.
#[test]
fn choices_applied_month_by_month_replay_the_decided_run() {
    let steps = [Resolution::Arbitration, Resolution::Mediation];
    for seed in 0..5 {
        let mut made = Vec::new();
        let s = presets::find("challenge-conflict").unwrap();
        let mut w = World::new(&s, seed, true).unwrap();
        loop {
            let ended = w.step().is_some();
            let ids: Vec<u32> = w.awaiting_choice().map(|d| d.id).collect();
            for id in ids {
                let step = steps[id as usize % 2];
                w.choose_resolution(id, step).unwrap();
                made.push((id, step));
            }
            if ended {
                break;
            }
        }
        let decided = w.finish();
        let mut v = World::new(&s, seed, true).unwrap();
        let mut applied = Vec::new();
        loop {
            let ended = v.step().is_some();
            // A choice for a dispute that never opens is never applied.
            let mut with_stray = made.clone();
            with_stray.push((u32::MAX, Resolution::Escalation));
            applied.extend(v.apply_choices(&with_stray));
            if ended {
                break;
            }
        }
        assert_eq!(applied, made, "seed {seed}");
        assert_eq!(v.finish(), decided, "seed {seed}");
    }
}
