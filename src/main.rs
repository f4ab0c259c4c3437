//! Mounts the Aliansi app on `<body>`.

fn main() {
    yew::Renderer::<aliansi_app::App>::new().render();
}
