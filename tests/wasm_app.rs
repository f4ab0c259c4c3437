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

/// Whether `done` holds within `limit_ms`, asked every 20 ms (the page renders meanwhile).
async fn poll(limit_ms: u32, mut done: impl FnMut() -> bool) -> bool {
    let mut waited_ms = 0;
    while !done() {
        if waited_ms >= limit_ms {
            return false;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        waited_ms += 20;
    }
    true
}

#[wasm_bindgen_test]
async fn page_renders_the_default_run() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<aliansi_app::App>::with_root(root.clone()).render();
    let present = |selector: &str| root.query_selector(selector).unwrap().is_some();

    assert!(
        poll(10_000, || present("#app-ready")).await,
        "no run rendered within 10 s"
    );

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
    assert!(
        poll(10_000, || present("#app-ready[data-status=done]")).await,
        "the run did not finish within 10 s"
    );

    // In the language the page chose (the browser's, unless this profile holds another).
    let lang = root
        .query_selector("[lang]")
        .unwrap()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .expect("the page's language");
    let s = aliansi_sim::presets::default_scenario();
    let r = aliansi_sim::run(&s, s.seed).unwrap();
    let expected = outcome_text(lang, r.outcome, r.months);
    let outcome = || {
        root.query_selector("[data-testid=outcome]")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    // Rendered with the status above; a moment allowed all the same (see the chart below).
    poll(2_000, || outcome() == expected).await;
    assert_eq!(outcome(), expected);

    // One point per month (while at least two partners remain) plus month 0. Yew's scheduler
    // may yield to the browser between the outcome's render and the charts' (it does after
    // 16 ms of work, with children's new props still queued), so the chart gets a moment.
    let trust_line = || {
        root.query_selector("[data-testid=trust-chart] path.line")
            .unwrap()
            .expect("trust line")
            .get_attribute("d")
            .unwrap_or_default()
    };
    poll(2_000, || {
        trust_line().matches('L').count() + 1 >= r.series.len()
    })
    .await;
    let d = trust_line();
    assert!(d.starts_with('M'), "path d: {d}");
    assert!(d.matches('L').count() + 1 >= r.series.len(), "path d: {d}");

    app.destroy();
}

/// In the browser, `number::parse_f64` reads through JavaScript's `parseFloat` (to keep Rust's
/// float parser out of the download): it must give the very bits Rust's parser gives, for
/// every kind of decimal (exact, rounded, halfway cases, subnormal, overflow, long digits).
#[wasm_bindgen_test]
fn numbers_read_in_the_browser_are_rusts_to_the_bit() {
    use aliansi_app::number::{is_decimal, parse_f64};
    let mut texts: Vec<String> = [
        "0",
        "-0",
        "+0.0",
        "1",
        "0.1",
        "0.2",
        "0.3",
        "0.30000000000000004",
        "5.",
        ".5",
        "1e-3",
        "2.5E+4",
        "123456789012345678901234567890",
        "9007199254740993",
        "9007199254740992.5",
        "2.2250738585072014e-308",
        "2.2250738585072011e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "1e400",
        "-1e-400",
        "0.000000000000000000000000000000000000000000001",
        "3.14159265358979323846264338327950288419716939937510",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Numbers as the app writes them (CSV rounding) and as users type them.
    let mut x = 0.123_456_789_f64;
    for k in 0..200 {
        x = x * 7.37 + f64::from(k) * 1e-3;
        if x > 1e12 {
            x /= 1e15;
        }
        texts.push(format!("{x:.11e}"));
        texts.push(format!("{x}"));
        texts.push(format!("{:.3}", x / 1000.0));
    }
    for text in &texts {
        assert!(is_decimal(text), "{text}");
        let ours = parse_f64(text).unwrap();
        let rusts: f64 = text.parse().unwrap();
        assert_eq!(ours.to_bits(), rusts.to_bits(), "{text}: {ours} vs {rusts}");
    }
}
