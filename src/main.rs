//! Mounts the Aliansi app on `<body>`. The same module also runs in the web workers of
//! "Many futures" (`assets/worker.js` starts it there and calls
//! `aliansi_app::workers::worker_entry`): without a window, there is nothing to mount.

fn main() {
    if web_sys::window().is_some() {
        yew::Renderer::<aliansi_app::App>::new().render();
    }
}
