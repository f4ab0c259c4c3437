//! What happened in a run, as structured data: the app and the command line turn it into
//! sentences in the user's language.

use crate::scenario::{Resolution, ShockKind};

/// Why a partner left or the alliance dissolved (taken from what actually drove it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    Inequity,
    GoalMisalignment,
    TrustBreakdown,
    UnresolvedConflict,
    ComplianceFailure,
    MisfitAfterShock,
    LearningRace,
}

impl Cause {
    pub const ALL: [Cause; 7] = [
        Cause::Inequity,
        Cause::GoalMisalignment,
        Cause::TrustBreakdown,
        Cause::UnresolvedConflict,
        Cause::ComplianceFailure,
        Cause::MisfitAfterShock,
        Cause::LearningRace,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Cause::Inequity => "inequity",
            Cause::GoalMisalignment => "goal_misalignment",
            Cause::TrustBreakdown => "trust_breakdown",
            Cause::UnresolvedConflict => "unresolved_conflict",
            Cause::ComplianceFailure => "compliance_failure",
            Cause::MisfitAfterShock => "misfit_after_shock",
            Cause::LearningRace => "learning_race",
        }
    }
    pub fn index(self) -> usize {
        self as usize
    }

    /// The challenge (of the seven, `docs/MODEL.md`) whose mechanism this cause comes from: the
    /// learning race is the knowledge leakage of trust and transparency.
    pub fn challenge(self) -> crate::Challenge {
        use crate::Challenge as C;
        match self {
            Cause::Inequity => C::Contributions,
            Cause::GoalMisalignment => C::Alignment,
            Cause::TrustBreakdown | Cause::LearningRace => C::Trust,
            Cause::UnresolvedConflict => C::Conflict,
            Cause::ComplianceFailure => C::Compliance,
            Cause::MisfitAfterShock => C::Adaptation,
        }
    }
}

/// What a dispute is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisputeCause {
    ProfitSharing,
    Goals,
    Miscommunication,
    Contributions,
    Strategy,
    Knowledge,
}

impl DisputeCause {
    pub const ALL: [DisputeCause; 6] = [
        DisputeCause::ProfitSharing,
        DisputeCause::Goals,
        DisputeCause::Miscommunication,
        DisputeCause::Contributions,
        DisputeCause::Strategy,
        DisputeCause::Knowledge,
    ];
    pub fn key(self) -> &'static str {
        match self {
            DisputeCause::ProfitSharing => "profit_sharing",
            DisputeCause::Goals => "goals",
            DisputeCause::Miscommunication => "miscommunication",
            DisputeCause::Contributions => "contributions",
            DisputeCause::Strategy => "strategy",
            DisputeCause::Knowledge => "knowledge",
        }
    }
    /// The exit cause a dispute of this kind feeds.
    pub fn exit_cause(self) -> Cause {
        match self {
            DisputeCause::ProfitSharing => Cause::Inequity,
            DisputeCause::Goals => Cause::GoalMisalignment,
            DisputeCause::Miscommunication => Cause::TrustBreakdown,
            DisputeCause::Contributions => Cause::Inequity,
            DisputeCause::Strategy => Cause::MisfitAfterShock,
            DisputeCause::Knowledge => Cause::LearningRace,
        }
    }
}

/// Who found a compliance violation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detector {
    /// The alliance's own compliance programme found and fixed it.
    Internal,
    /// A regulator found it and fined the alliance.
    Regulator,
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    Shock {
        kind: ShockKind,
        severity: f64,
        /// The partner struck, for partner shocks.
        partner: Option<usize>,
        scripted: bool,
        /// Market level just after the shock, relative to just before (1.0 = unchanged).
        market_change: f64,
    },
    DisputeOpened {
        id: u32,
        a: usize,
        b: usize,
        cause: DisputeCause,
        severity: f64,
    },
    /// A dispute moved to a step of the ladder.
    DisputeStep {
        id: u32,
        step: Resolution,
    },
    /// A step settled the dispute; `trust_ab` is a's trust in b afterwards.
    DisputeSettled {
        id: u32,
        a: usize,
        b: usize,
        step: Resolution,
        trust_ab: f64,
    },
    /// A step failed.
    DisputeFailed {
        id: u32,
        step: Resolution,
    },
    /// The ladder is exhausted: the dispute stays open and festers.
    DisputeUnresolved {
        id: u32,
        a: usize,
        b: usize,
        cause: DisputeCause,
    },
    Violation {
        partner: usize,
        detector: Detector,
        fine: f64,
    },
    Review {
        misfit_before: f64,
        misfit_after: f64,
        alignment_after: f64,
    },
    /// A strategic review gave a dispute left unresolved another chance: it starts again at
    /// the ladder's first step (recorded right after the review's event).
    DisputeReopened {
        id: u32,
    },
    /// A partner left. `months_unhappy` is how long it had been dissatisfied; `fairness` its
    /// payoff/input ratio against the others' (1 = fair); `unresolved` its open disputes.
    PartnerLeft {
        partner: usize,
        cause: Cause,
        months_unhappy: u32,
        fairness: f64,
        unresolved: u32,
        penalty_paid: f64,
    },
    /// The others pushed a partner out.
    PartnerExpelled {
        partner: usize,
        cause: Cause,
        contribution_share: f64,
    },
    /// The regulator ended the alliance.
    RegulatorEnded,
    Dissolved {
        cause: Cause,
    },
    Survived,
}

/// An event and its month (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub month: u32,
    pub kind: EventKind,
}
