//! The whole page mounted in a real browser (headless Chromium): it shows the default scenario
//! ready at month 0; Finish plays it to the end and renders the outcome in words and the trust
//! chart.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use aliansi_app::components::outcome::outcome_text;
use aliansi_app::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn page_renders_the_default_run() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<aliansi_app::App>::with_root(root.clone()).render();

    let mut waited_ms = 0;
    while root.query_selector("#app-ready").unwrap().is_none() {
        assert!(waited_ms < 10_000, "no run rendered within 10 s");
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        waited_ms += 20;
    }

    let ready = root.query_selector("#app-ready").unwrap().unwrap();
    assert_eq!(ready.get_attribute("data-status").as_deref(), Some("ready"));
    assert_eq!(ready.get_attribute("data-month").as_deref(), Some("0"));
    let finish: web_sys::HtmlElement = root
        .query_selector("[data-testid=finish]")
        .unwrap()
        .expect("finish button")
        .dyn_into()
        .unwrap();
    finish.click();
    let mut waited_ms = 0;
    while root
        .query_selector("#app-ready[data-status=done]")
        .unwrap()
        .is_none()
    {
        assert!(waited_ms < 10_000, "the run did not finish within 10 s");
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        waited_ms += 20;
    }

    let s = aliansi_sim::presets::default_scenario();
    let r = aliansi_sim::run(&s, s.seed).unwrap();
    let outcome = root
        .query_selector("[data-testid=outcome]")
        .unwrap()
        .expect("outcome element");
    assert_eq!(
        outcome.text_content().unwrap(),
        outcome_text(Lang::En, r.outcome, r.months)
    );

    let path = root
        .query_selector("[data-testid=trust-chart] path.line")
        .unwrap()
        .expect("trust line");
    let d = path.get_attribute("d").unwrap_or_default();
    assert!(d.starts_with('M'), "path d: {d}");
    // One point per month (while at least two partners remain) plus month 0.
    assert!(d.matches('L').count() + 1 >= r.series.len(), "path d: {d}");

    app.destroy();
}
