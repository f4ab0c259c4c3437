//! The web worker of "Many futures": runs chunks of a batch off the page's thread (see
//! `aliansi_app::workers`). Built by Trunk from index.html (`data-bin="worker"`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    aliansi_app::workers::worker_main();
}
