//! Web workers for "Many futures": the page side (a [`Pool`] of workers, one per core, each
//! handed chunks of runs from a queue) and the worker side ([`worker_main`]). Messages are
//! JSON strings ([`crate::batch::Request`] and [`crate::batch::Reply`]); the work and the
//! merging are the pure code of [`crate::batch`].
//!
//! A worker runs the app's own module and wasm (one download for the page and its workers):
//! `assets/worker.js` is a module worker that imports the module the page names in its first
//! message and starts it on the page's compiled wasm, which the same message carries (nothing
//! is downloaded or compiled again), then calls [`worker_entry`]. (The module's `main` mounts
//! nothing without a window.)

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use aliansi_sim::{BatchTally, Scenario};
use gloo::timers::callback::Timeout;
use js_sys::Object;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType,
};
use yew::Callback;

use crate::batch::{worker_count, Job, Reply};

/// The worker's script, relative to the page (`assets/worker.js`): a module worker that
/// starts the app's own module and calls [`worker_entry`].
pub const WORKER_SCRIPT: &str = "worker.js";

/// The worker side's entry point, called by `assets/worker.js` once the module is loaded.
#[wasm_bindgen]
pub fn worker_entry() {
    worker_main();
}

/// The app's module as the page loaded it (the `data-js` attribute that Trunk writes on the
/// boot script), for the workers to load the same.
fn module_file() -> Result<String, String> {
    gloo::utils::document()
        .query_selector("script[data-js][data-wasm]")
        .ok()
        .flatten()
        .ok_or("the page's boot script is missing")?
        .get_attribute("data-js")
        .ok_or_else(|| "the boot script does not name the app's module".to_string())
}

/// The worker side: answers every request, after saying it is ready.
pub fn worker_main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let reply = crate::batch::answer(&request);
        // Nothing to do if the page has gone.
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&Reply::Ready.to_json()));
}

/// What a running batch tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Runs done so far, of the total; seconds left, once estimated.
    Progress {
        batch: u64,
        done: u64,
        total: u64,
        eta_seconds: Option<f64>,
    },
    /// Every run is in: the merged tally and how long it took.
    Finished {
        batch: u64,
        tally: Rc<BatchTally>,
        seconds: f64,
    },
    /// A worker failed (the others have been stopped).
    Failed { batch: u64, error: String },
    /// Of a job of several scenarios ([`Pool::start_points`]), instead of `Progress` and
    /// `Finished`: the points completed since the last such event (index and tally), the
    /// runs done of all points, and the first point not complete with its runs done (`None`
    /// in the last event, once every point is in).
    Points {
        batch: u64,
        points: Vec<(usize, Rc<BatchTally>)>,
        done: u64,
        total: u64,
        first_unfinished: Option<(usize, u64)>,
    },
}

/// The cores the browser reports (`navigator.hardwareConcurrency`).
pub fn reported_cores() -> f64 {
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0)
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// A worker started by this page that is not working for any batch: loaded (or loading) and
/// kept for the next one, so that a batch does not wait for workers to start and compile the
/// wasm (and runs on code the browser has already optimised). `free` is false while it still
/// loads or runs its warm-up chunk; whichever pool adopts it feeds it at its next message.
struct Spare {
    worker: Worker,
    free: Rc<Cell<bool>>,
    /// Its handlers while it is nobody's (dropped when a pool adopts it).
    _handlers: Option<(MessageHandler, ErrorHandler)>,
}

thread_local! {
    /// The spare workers of this page, at most one per core.
    static SPARES: RefCell<Vec<Spare>> = const { RefCell::new(Vec::new()) };
    /// Whether a batch has started or [`prewarm`] has run (either way, it is too late to
    /// start workers ahead: they would be more than the cores).
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// Stops the spares once they have been idle for [`SPARE_IDLE_MS`] (re-armed whenever
    /// workers become spares).
    static IDLE_TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Spares unused for this long are stopped (their memory is the device's again); the next
/// batch starts its workers afresh.
const SPARE_IDLE_MS: u32 = 5 * 60 * 1000;

/// (Re)starts the countdown after which the spares, if still unused, are stopped.
fn arm_idle_timer() {
    let timer = Timeout::new(SPARE_IDLE_MS, || {
        let idle: Vec<Spare> = SPARES.with(|s| s.borrow_mut().drain(..).collect());
        for spare in idle {
            detach(&spare.worker);
            spare.worker.terminate();
        }
    });
    IDLE_TIMER.with(|t| *t.borrow_mut() = Some(timer));
}

/// At most this many workers start ahead of need: each loads and compiles the app's wasm and
/// keeps its own memory (about 15-25 MB), which a many-core phone should not pay at every page
/// load. A batch starts the rest of its workers (one per core) and keeps them afterwards.
const PREWARM_MAX: usize = 4;

/// The batch id of the warm-up chunk (never a real batch's).
const WARM_UP_BATCH: u64 = u64::MAX;
/// Runs of the warm-up chunk: enough for the browser to optimise the hot code (about 10 ms).
const WARM_UP_RUNS: u64 = 60;

/// How many workers a batch uses and the page keeps: one per core.
fn cores() -> usize {
    worker_count(reported_cores())
}

/// Takes a worker's handlers away (it answers nobody until it is given new ones).
fn detach(worker: &Worker) {
    worker.set_onmessage(None);
    worker.set_onerror(None);
}

/// Keeps `spare` if there is room (one per core), or stops it; the idle countdown restarts.
fn keep_spare(spare: Spare) {
    SPARES.with(|s| {
        let mut spares = s.borrow_mut();
        if spares.len() < cores() {
            spares.push(spare);
        } else {
            spare.worker.terminate();
        }
    });
    arm_idle_timer();
}

/// A spare that has not answered yet: free at its first message (its Ready, or the end of its
/// warm-up), stopped and forgotten if it fails.
fn busy_spare(worker: Worker) -> Spare {
    let free = Rc::new(Cell::new(false));
    let on_message = {
        let free = free.clone();
        MessageHandler::new(move |_: MessageEvent| free.set(true))
    };
    unowned_spare(worker, free, on_message)
}

/// A spare that nobody's batch owns yet, listening with `on_message` (which sets `free` once
/// it can take runs); a failure stops and forgets it.
fn unowned_spare(worker: Worker, free: Rc<Cell<bool>>, on_message: MessageHandler) -> Spare {
    let on_error = {
        let me = worker.clone();
        ErrorHandler::new(move |e: ErrorEvent| {
            e.prevent_default();
            drop_spare(&me);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Spare {
        worker,
        free,
        _handlers: Some((on_message, on_error)),
    }
}

/// Forgets a spare (it failed), stopping it.
fn drop_spare(worker: &Worker) {
    SPARES.with(|s| s.borrow_mut().retain(|sp| !Object::is(&sp.worker, worker)));
    worker.terminate();
}

/// Starts the page's workers ahead of the first batch (one per core, at most [`PREWARM_MAX`],
/// unless a batch has started already), each running a small warm-up chunk of the default
/// scenario once loaded. Called once the page is idle; errors are left for a batch to meet and
/// report.
pub fn prewarm() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Ok(js) = module_file() else {
        return;
    };
    let want = cores().min(PREWARM_MAX);
    let hello = hello_message(&js);
    let warm_up = crate::batch::Request {
        batch: WARM_UP_BATCH,
        link: aliansi_wire::encode_link(&aliansi_sim::presets::default_scenario()),
        master: 1,
        start: 0,
        end: WARM_UP_RUNS,
    }
    .to_json();
    for _ in 0..want {
        let Ok(worker) = Worker::new_with_options(WORKER_SCRIPT, &module_options()) else {
            return;
        };
        let free = Rc::new(Cell::new(false));
        let on_message = {
            let (me, free, warm_up) = (worker.clone(), free.clone(), warm_up.clone());
            MessageHandler::new(move |e: MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                match Reply::from_json(&text) {
                    Ok(Reply::Ready) => {
                        if me.post_message(&JsValue::from_str(&warm_up)).is_err() {
                            free.set(true);
                        }
                    }
                    _ => free.set(true),
                }
            })
        };
        let spare = unowned_spare(worker, free, on_message);
        if spare.worker.post_message(&hello).is_err() {
            spare.worker.terminate();
            return;
        }
        keep_spare(spare);
    }
}

/// The first message to a new worker: the module it is to load, and the page's own compiled
/// wasm (a `WebAssembly.Module`, which a message carries without copying or compiling again).
fn hello_message(js: &str) -> JsValue {
    let hello = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&hello, &"js".into(), &js.into());
    let _ = js_sys::Reflect::set(&hello, &"module".into(), &wasm_bindgen::module());
    hello.into()
}

fn module_options() -> WorkerOptions {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options
}

struct Shared {
    job: RefCell<Job>,
    workers: RefCell<Vec<Worker>>,
    stopped: Cell<bool>,
    on_event: Callback<Event>,
    /// When progress was last reported (ms), to report it at most every [`PROGRESS_EVERY_MS`].
    last_progress: Cell<f64>,
    /// The batch's workers that have not said anything yet since it started or adopted them
    /// (still loading, or a spare still on its warm-up), each with the timer that replaces it
    /// if it stays silent for [`START_WITHIN_MS`].
    silent: RefCell<Vec<(Worker, Timeout)>>,
    /// Workers this batch has replaced so far (at most [`MAX_REPLACED`]).
    replaced: Cell<usize>,
    /// A job of several scenarios ([`Pool::start_points`]): the points completed and not yet
    /// reported (reported together, at most every [`PROGRESS_EVERY_MS`], and at the end).
    /// `None` for a batch of one scenario.
    points: Option<RefCell<PointsDone>>,
}

/// Points of a job completed and not yet reported: index and tally.
type PointsDone = Vec<(usize, Rc<BatchTally>)>;

/// A worker that has said nothing this long after a batch started or adopted it is stopped
/// and replaced by a new one. Loading the app's module takes well under a second from the
/// browser's cache; a worker still silent after this long is stuck (a fetch of the module that
/// never ends was seen on a local test server, and a flaky network can do the same), and the
/// batch would otherwise wait for it forever if all its workers were stuck alike.
pub const START_WITHIN_MS: u32 = 15_000;

/// At most this many workers are replaced per batch; after that, a batch with no worker that
/// has ever answered stops with a message (one that some worker answered goes on with it).
const MAX_REPLACED: usize = 4;

/// Chunks handed to each worker at a time: while the page takes in one finished chunk and
/// answers with the next, the worker is already running the other (it never waits for the
/// page's thread, which may be busy drawing).
const IN_FLIGHT: usize = 2;

/// Progress is reported at most this often: every report re-renders part of the page, whose
/// thread shares the cores with the workers.
const PROGRESS_EVERY_MS: f64 = 250.0;

impl Shared {
    /// Stops every worker of the batch (cancelled or failed: a worker may be mid-chunk).
    fn stop(&self) {
        self.stopped.set(true);
        self.silent.borrow_mut().clear();
        for w in self.workers.borrow_mut().drain(..) {
            detach(&w);
            w.terminate();
        }
    }

    /// The batch is complete: its workers are kept for the next batch. Those that have
    /// answered are free; one that has said nothing yet (still loading the app, or on its
    /// warm-up) is not, until it does: a run handed to a worker before it has loaded the app
    /// is lost, and the batch that handed it out would wait for it for ever.
    fn release(&self) {
        self.stopped.set(true);
        let silent: Vec<Worker> = self.silent.borrow_mut().drain(..).map(|(w, _)| w).collect();
        for worker in self.workers.borrow_mut().drain(..) {
            detach(&worker);
            let loading = silent.iter().any(|w| Object::is(w, &worker));
            keep_spare(if loading {
                busy_spare(worker)
            } else {
                Spare {
                    worker,
                    free: Rc::new(Cell::new(true)),
                    _handlers: None,
                }
            });
        }
    }

    fn fail(&self, error: String) {
        if self.stopped.get() {
            return;
        }
        self.stop();
        let batch = self.job.borrow().batch;
        self.on_event.emit(Event::Failed { batch, error });
    }

    /// Gives a worker that has just become free for this batch its first [`IN_FLIGHT`] chunks.
    fn set_going(&self, worker: &Worker) {
        for _ in 0..IN_FLIGHT {
            self.feed(worker);
        }
    }

    /// Hands the next chunk, if any, to `worker`.
    fn feed(&self, worker: &Worker) {
        let next = self.job.borrow_mut().next_request();
        if let Some(req) = next {
            if let Err(e) = worker.post_message(&JsValue::from_str(&req.to_json())) {
                self.fail(js_error(e));
            }
        }
    }

    /// Whether `worker` has not said anything yet.
    fn is_silent(&self, worker: &Worker) -> bool {
        self.silent
            .borrow()
            .iter()
            .any(|(w, _)| Object::is(w, worker))
    }

    /// `worker` has said something: it is not stuck (its watchdog is cancelled).
    fn heard(&self, worker: &Worker) {
        let mut silent = self.silent.borrow_mut();
        if let Some(i) = silent.iter().position(|(w, _)| Object::is(w, worker)) {
            // Dropped after the borrow ends (cancelling the timer).
            let _cancelled = silent.swap_remove(i);
            drop(silent);
        }
    }

    fn on_reply(&self, worker: &Worker, text: &str) {
        if self.stopped.get() {
            return;
        }
        self.heard(worker);
        match Reply::from_json(text) {
            Ok(Reply::Ready) => self.set_going(worker),
            Ok(Reply::Done {
                batch: b, tally, ..
            }) => {
                let point = self.job.borrow().point_of(b);
                match point {
                    Some(point) => self.done(worker, point, &tally),
                    // The end of what the worker did before this batch adopted it (its
                    // warm-up): it is free now.
                    None => self.set_going(worker),
                }
            }
            Ok(Reply::Failed { batch: b, .. }) if self.job.borrow().point_of(b).is_none() => {
                self.set_going(worker)
            }
            Ok(Reply::Failed { error, .. }) => self.fail(error),
            Err(e) => self.fail(e),
        }
    }

    /// A chunk of point `point` is done: merged, the worker fed its next, and the page told
    /// (at most every [`PROGRESS_EVERY_MS`], and at the end).
    fn done(&self, worker: &Worker, point: usize, tally: &BatchTally) {
        let batch = self.job.borrow().batch;
        let point_complete = match self.job.borrow_mut().complete(point, tally) {
            Ok(c) => c,
            Err(e) => return self.fail(e),
        };
        if let (Some(points), true) = (&self.points, point_complete) {
            let tally = Rc::new(self.job.borrow().point_tally(point).clone());
            points.borrow_mut().push((point, tally));
        }
        let now = now_ms();
        let (done, total, complete, eta_seconds, seconds, first_unfinished) = {
            let job = self.job.borrow();
            (
                job.done,
                job.total,
                job.is_complete(),
                job.eta_seconds(now),
                (now - job.started_ms) / 1000.0,
                job.first_unfinished(),
            )
        };
        if complete {
            self.release();
        } else {
            self.feed(worker);
            if now - self.last_progress.get() < PROGRESS_EVERY_MS {
                return;
            }
        }
        self.last_progress.set(now);
        let event = match (&self.points, complete) {
            (Some(points), _) => Event::Points {
                batch,
                points: points.borrow_mut().drain(..).collect(),
                done,
                total,
                first_unfinished,
            },
            (None, true) => Event::Finished {
                batch,
                tally: Rc::new(self.job.borrow().tally().clone()),
                seconds,
            },
            (None, false) => Event::Progress {
                batch,
                done,
                total,
                eta_seconds,
            },
        };
        self.on_event.emit(event);
    }
}

type MessageHandler = Closure<dyn FnMut(MessageEvent)>;
type ErrorHandler = Closure<dyn FnMut(ErrorEvent)>;

/// The workers of one batch. Dropping the pool (or [`Pool::cancel`]) before the batch is
/// complete terminates them; once it is complete they are kept as spares for the next batch.
pub struct Pool {
    shared: Rc<Shared>,
    _handlers: Handlers,
    /// The pending starts of workers (each its own task; dropped, they do not happen).
    _starts: Vec<Timeout>,
    planned: usize,
}

/// The message and error handlers of the workers started so far (kept alive with the pool).
type Handlers = Rc<RefCell<Vec<(MessageHandler, ErrorHandler)>>>;

/// Makes `worker` one of the batch's: its handlers, kept alive with the pool.
fn adopt(shared: &Rc<Shared>, handlers: &Handlers, worker: &Worker) {
    let on_message = {
        let shared = shared.clone();
        let me = worker.clone();
        MessageHandler::new(move |e: MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            shared.on_reply(&me, &text);
        })
    };
    let on_error = {
        let shared = shared.clone();
        ErrorHandler::new(move |e: ErrorEvent| {
            e.prevent_default();
            let msg = e.message();
            shared.fail(if msg.is_empty() {
                "the worker stopped with an error".to_string()
            } else {
                msg
            });
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    shared.workers.borrow_mut().push(worker.clone());
    handlers.borrow_mut().push((on_message, on_error));
}

/// Starts one new worker of the batch, unless it has stopped meanwhile: its handlers, then
/// the first message (which names the module and wasm to load).
fn spawn(shared: &Rc<Shared>, handlers: &Handlers, hello: &JsValue) {
    if shared.stopped.get() {
        return;
    }
    let worker = match Worker::new_with_options(WORKER_SCRIPT, &module_options()) {
        Ok(w) => w,
        Err(e) => return shared.fail(js_error(e)),
    };
    adopt(shared, handlers, &worker);
    watch(shared, handlers, hello, &worker);
    // The worker says Ready once its module is loaded; then it is fed chunks.
    if let Err(e) = worker.post_message(hello) {
        shared.fail(js_error(e));
    }
}

/// Replaces `worker` if it says nothing within [`START_WITHIN_MS`] (see there).
fn watch(shared: &Rc<Shared>, handlers: &Handlers, hello: &JsValue, worker: &Worker) {
    let timer = {
        let (shared, handlers, hello) = (shared.clone(), handlers.clone(), hello.clone());
        let worker = worker.clone();
        Timeout::new(START_WITHIN_MS, move || {
            replace_silent(&shared, &handlers, &hello, &worker)
        })
    };
    shared.silent.borrow_mut().push((worker.clone(), timer));
}

/// `worker` has been silent for [`START_WITHIN_MS`]: it is stopped and, unless the batch has
/// replaced [`MAX_REPLACED`] already, a new worker takes its place. When none is left and no
/// worker has ever answered, the batch stops with a message.
fn replace_silent(shared: &Rc<Shared>, handlers: &Handlers, hello: &JsValue, worker: &Worker) {
    if shared.stopped.get() || !shared.is_silent(worker) {
        return;
    }
    shared.heard(worker);
    detach(worker);
    worker.terminate();
    shared
        .workers
        .borrow_mut()
        .retain(|w| !Object::is(w, worker));
    if shared.replaced.get() < MAX_REPLACED {
        shared.replaced.set(shared.replaced.get() + 1);
        spawn(shared, handlers, hello);
    } else if shared.workers.borrow().is_empty() {
        shared.fail(no_start_message());
    }
}

/// Why a batch stopped when none of its workers started, in the page's language (that of
/// `<html lang>`, which the app keeps).
fn no_start_message() -> String {
    let lang = gloo::utils::document()
        .document_element()
        .and_then(|root| crate::i18n::Lang::from_tag(&root.get_attribute("lang")?))
        .unwrap_or_default();
    crate::i18n::tf(
        lang,
        "experiments.no_start",
        &[
            ("seconds", &(START_WITHIN_MS / 1000).to_string()),
            ("tries", &MAX_REPLACED.to_string()),
        ],
    )
}

impl Pool {
    /// Starts `total` runs of `scenario` (master seed = its seed) on one worker per core;
    /// `on_event` hears the progress and the end. Spare workers (kept from an earlier batch or
    /// started ahead by [`prewarm`]) are used first; new ones start in tasks of their own
    /// (right after this returns), so that no single task of the page's thread grows long. A
    /// worker that cannot start is reported through `on_event`.
    pub fn start(
        batch: u64,
        scenario: &Scenario,
        total: u64,
        on_event: Callback<Event>,
    ) -> Result<Pool, String> {
        let job = Job::new(batch, scenario, total, cores(), now_ms());
        Pool::start_job(job, None, on_event)
    }

    /// Starts `each` runs of every scenario of `scenarios` (the points of a sweep; scenario
    /// `i` is batch `batch + i`), their chunks queued in order on one worker per core:
    /// `on_event` hears [`Event::Points`] (completed points, at most every
    /// [`PROGRESS_EVERY_MS`], and all that are left at the end) or `Failed`.
    pub fn start_points(
        batch: u64,
        scenarios: &[Scenario],
        each: u64,
        on_event: Callback<Event>,
    ) -> Result<Pool, String> {
        let job = Job::points(batch, scenarios, each, cores(), now_ms());
        Pool::start_job(job, Some(RefCell::new(Vec::new())), on_event)
    }

    fn start_job(
        job: Job,
        points: Option<RefCell<PointsDone>>,
        on_event: Callback<Event>,
    ) -> Result<Pool, String> {
        let js = module_file()?;
        STARTED.with(|s| s.set(true));
        let n = job.workers.min(job.chunks_left()).max(1);
        let shared = Rc::new(Shared {
            job: RefCell::new(job),
            workers: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
            on_event,
            last_progress: Cell::new(f64::NEG_INFINITY),
            silent: RefCell::new(Vec::new()),
            replaced: Cell::new(0),
            points,
        });
        let handlers: Handlers = Rc::new(RefCell::new(Vec::new()));
        let hello = hello_message(&js);
        let spares: Vec<Spare> = SPARES.with(|s| {
            let mut s = s.borrow_mut();
            let k = n.min(s.len());
            s.drain(..k).collect()
        });
        let adopted = spares.len();
        for spare in spares {
            adopt(&shared, &handlers, &spare.worker);
            if spare.free.get() {
                shared.set_going(&spare.worker);
            } else {
                // Still loading (or on its warm-up): fed at its next message, if it comes.
                watch(&shared, &handlers, &hello, &spare.worker);
            }
        }
        let starts = (adopted..n)
            .map(|_| {
                let (shared, handlers, hello) = (shared.clone(), handlers.clone(), hello.clone());
                Timeout::new(0, move || spawn(&shared, &handlers, &hello))
            })
            .collect();
        Ok(Pool {
            shared,
            _handlers: handlers,
            _starts: starts,
            planned: n,
        })
    }

    /// How many workers this batch uses.
    pub fn workers(&self) -> usize {
        self.planned
    }

    /// Stops every worker now; returns the runs done so far.
    pub fn cancel(&self) -> u64 {
        self.shared.stop();
        self.shared.job.borrow().done
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.shared.stop();
    }
}
