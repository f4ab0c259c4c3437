//! "Take it away": download buttons (CSV, SVG, PNG) beside a chart, and the "Print debrief"
//! button with the debrief's heading and findings (shown only on paper, see
//! `styles/print.css`). The CSV text and file names come from [`crate::export`]; everything
//! here is made in the page (Blob URLs and a temporary `<a download>`): nothing is sent.
//!
//! An SVG download is the chart's `<svg>` copied with each element's computed colours, line
//! widths, dashes and fonts written as presentation attributes (not `style` attributes, which
//! a Content-Security-Policy may refuse), a white background, the chart's title written above
//! it (and as its `<title>`), the SVG namespace and a size; so the file looks the same opened
//! alone, and says what it shows. A PNG is that SVG drawn on a canvas at
//! twice its size.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url, XmlSerializer,
};
use yew::prelude::*;

use crate::components::line_chart::ChartSeries;
use crate::export::{chart_file_name, lines_csv, semicolon_csv, BOM};
use crate::i18n::{t, tf, Lang};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// The computed properties copied onto every drawn element of an exported SVG.
const PAINT: &[&str] = &[
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
];
/// ... and onto text.
const FONT: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
];
const DRAWN: &[&str] = &[
    "path", "line", "rect", "circle", "ellipse", "polyline", "polygon", "text", "tspan",
];

fn err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Downloads `blob` as `name` through a temporary Blob URL and `<a download>`.
fn download_blob(blob: &Blob, name: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let url = Url::create_object_url_with_blob(blob).map_err(err)?;
    let a: HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    gloo::utils::body().append_child(&a).map_err(err)?;
    a.click();
    a.remove();
    // The download has started by then; the URL is let go later.
    Timeout::new(30_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn text_blob(text: &str, mime: &str) -> Result<Blob, String> {
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)
}

/// Downloads `text` as a CSV file (with a UTF-8 byte order mark).
pub fn download_csv(text: &str, name: &str) -> Result<(), String> {
    let blob = text_blob(&format!("{BOM}{text}"), "text/csv;charset=utf-8")?;
    download_blob(&blob, name)
}

/// Copies the computed paint and font of `from` (on the page) onto `to` (its copy), then
/// does the same for their children, pair by pair.
fn inline_styles(window: &web_sys::Window, from: &Element, to: &Element) -> Result<(), String> {
    let tag = from.local_name();
    if DRAWN.contains(&tag.as_str()) {
        let style = window
            .get_computed_style(from)
            .map_err(err)?
            .ok_or("no computed style")?;
        let text = tag == "text" || tag == "tspan";
        for name in PAINT.iter().chain(if text { FONT } else { &[] }) {
            let mut v = style.get_property_value(name).map_err(err)?;
            // Plain user units ("3.5", not "3.5px"): read by every SVG tool.
            if matches!(*name, "stroke-width" | "stroke-dasharray" | "font-size") {
                v = v.replace("px", "");
            }
            if !v.is_empty() {
                to.set_attribute(name, &v).map_err(err)?;
            }
        }
        if style.get_property_value("display").map_err(err)? == "none" {
            to.set_attribute("display", "none").map_err(err)?;
        }
    }
    let mut a = from.first_element_child();
    let mut b = to.first_element_child();
    while let (Some(x), Some(y)) = (a, b) {
        inline_styles(window, &x, &y)?;
        a = x.next_element_sibling();
        b = y.next_element_sibling();
    }
    Ok(())
}

/// The width and height of an `<svg>`'s viewBox.
fn view_size(svg: &Element) -> (f64, f64) {
    let vb = svg.get_attribute("viewBox").unwrap_or_default();
    let n: Vec<f64> = vb
        .split([' ', ','])
        .filter_map(crate::number::parse_f64)
        .collect();
    match n[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => (
            f64::from(svg.client_width().max(1)),
            f64::from(svg.client_height().max(1)),
        ),
    }
}

/// A new SVG element `tag` with the attributes `attrs`.
fn svg_element(tag: &str, attrs: &[(&str, &str)]) -> Result<Element, String> {
    let el = gloo::utils::document()
        .create_element_ns(Some(SVG_NS), tag)
        .map_err(err)?;
    for (k, v) in attrs {
        el.set_attribute(k, v).map_err(err)?;
    }
    Ok(el)
}

/// The text colour the page gives `el` (for the words an export adds beside its drawing).
fn ink_of(window: &web_sys::Window, el: &Element) -> Result<String, String> {
    Ok(window
        .get_computed_style(el)
        .map_err(err)?
        .and_then(|s| s.get_property_value("color").ok())
        .unwrap_or_else(|| "#1b2330".into()))
}

/// Draws the legend that the page shows under the chart (`.legend li` in the chart's
/// `<figure>`: a swatch and a name each) below the drawing in `copy`, two to a row, so a
/// chart of several lines keeps its key when the file is opened alone. Returns the new height.
fn add_legend(
    window: &web_sys::Window,
    svg: &Element,
    copy: &Element,
    w: f64,
    h: f64,
) -> Result<f64, String> {
    const ROW: f64 = 26.0;
    const PER_ROW: usize = 2;
    let Some(figure) = svg.closest("figure").map_err(err)? else {
        return Ok(h);
    };
    let items = figure.query_selector_all(".legend li").map_err(err)?;
    if items.length() == 0 {
        return Ok(h);
    }
    let ink = ink_of(window, &figure)?;
    let legend = svg_element("g", &[("class", "export-legend")])?;
    let col = (w - 32.0) / PER_ROW as f64;
    let top = h + 10.0;
    let mut shown = 0usize;
    for k in 0..items.length() {
        let Some(li) = items.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let label = li.text_content().unwrap_or_default().trim().to_string();
        let g = svg_element("g", &[])?;
        let (x, y) = (
            16.0 + (shown % PER_ROW) as f64 * col,
            top + (shown / PER_ROW) as f64 * ROW,
        );
        g.set_attribute("transform", &format!("translate({x},{y})"))
            .map_err(err)?;
        if let Some(shape) = li
            .query_selector("svg.swatch")
            .map_err(err)?
            .and_then(|sw| sw.first_element_child())
        {
            let c: Element = shape
                .clone_node_with_deep(true)
                .map_err(err)?
                .unchecked_into();
            inline_styles(window, &shape, &c)?;
            g.append_child(&c).map_err(err)?;
        }
        let text = svg_element(
            "text",
            &[
                ("x", "38"),
                ("y", "5"),
                ("dominant-baseline", "middle"),
                ("font-size", "15"),
                ("fill", ink.as_str()),
            ],
        )?;
        text.set_text_content(Some(&label));
        g.append_child(&text).map_err(err)?;
        legend.append_child(&g).map_err(err)?;
        shown += 1;
    }
    copy.append_child(&legend).map_err(err)?;
    let h = top + shown.div_ceil(PER_ROW) as f64 * ROW;
    copy.set_attribute("viewBox", &format!("0 0 {w} {h}"))
        .map_err(err)?;
    Ok(h)
}

/// Height of the band above the drawing that holds the chart's title.
const TITLE_BAND: f64 = 36.0;
/// The height of each further line of a wrapped title.
const LINE: f64 = 22.0;
/// The height of a line of an exported picture's caption (13 px type).
const CAPTION_LINE: f64 = 18.0;

/// Moves the drawing in `copy` (of width `w` and height `h`) down and writes `title` above it,
/// with `caption` (if not empty) under the title in smaller type, so a chart pasted into
/// slides or a report says what it shows. Returns the new height.
fn add_title(
    window: &web_sys::Window,
    svg: &Element,
    copy: &Element,
    (title, caption): (&str, &str),
    w: f64,
    h: f64,
) -> Result<f64, String> {
    // 17 px type is about 9.4 px a character: the title wraps to the drawing's width; the
    // caption's 13 px, about 7 px a character, likewise.
    let lines = crate::export::wrap_words(title, (((w - 32.0) / 9.4).max(20.0)) as usize);
    let caption_lines = if caption.is_empty() {
        Vec::new()
    } else {
        crate::export::wrap_words(caption, (((w - 32.0) / 7.0).max(20.0)) as usize)
    };
    let caption_band = CAPTION_LINE * caption_lines.len() as f64;
    let band = TITLE_BAND + LINE * lines.len().saturating_sub(1) as f64 + caption_band;
    let shift = format!("translate(0,{band})");
    let drawing = svg_element("g", &[("transform", &shift)])?;
    while let Some(child) = copy.first_child() {
        drawing.append_child(&child).map_err(err)?;
    }
    let ink = ink_of(window, svg)?;
    let title_text = lines_text(
        &[
            ("class", "export-title"),
            ("x", "16"),
            ("y", "24"),
            ("font-size", "17"),
            ("font-weight", "600"),
            ("fill", ink.as_str()),
        ],
        &lines,
        LINE,
    )?;
    copy.append_child(&title_text).map_err(err)?;
    if !caption_lines.is_empty() {
        let first = TITLE_BAND + LINE * lines.len().saturating_sub(1) as f64 + 8.0;
        let caption_text = lines_text(
            &[
                ("class", "export-caption"),
                ("x", "16"),
                ("y", &first.to_string()),
                ("font-size", "13"),
                ("fill", ink.as_str()),
            ],
            &caption_lines,
            CAPTION_LINE,
        )?;
        copy.append_child(&caption_text).map_err(err)?;
    }
    copy.append_child(&drawing).map_err(err)?;
    let h = h + band;
    copy.set_attribute("viewBox", &format!("0 0 {w} {h}"))
        .map_err(err)?;
    Ok(h)
}

/// The height of the line under the drawing that names the model.
const CREDIT_BAND: f64 = 24.0;

/// Writes `credit` (which model drew the chart: "Aliansi, model 2026-12-02.2", as the printed
/// debrief says) in small type under the drawing in `copy` (of width `w` and height `h`), so
/// that a chart kept in slides or a paper says which model's numbers it shows. Returns the new
/// height.
fn add_credit(
    window: &web_sys::Window,
    svg: &Element,
    copy: &Element,
    credit: &str,
    w: f64,
    h: f64,
) -> Result<f64, String> {
    let ink = ink_of(window, svg)?;
    let text = svg_element(
        "text",
        &[
            ("class", "export-credit"),
            ("x", "16"),
            ("y", &(h + 16.0).to_string()),
            ("font-size", "11"),
            ("fill", ink.as_str()),
            ("fill-opacity", "0.7"),
        ],
    )?;
    text.set_text_content(Some(credit));
    copy.append_child(&text).map_err(err)?;
    let h = h + CREDIT_BAND;
    copy.set_attribute("viewBox", &format!("0 0 {w} {h}"))
        .map_err(err)?;
    Ok(h)
}

/// A `<text>` of `attrs` holding `lines`, one `<tspan>` each, `step` apart.
fn lines_text(attrs: &[(&str, &str)], lines: &[String], step: f64) -> Result<Element, String> {
    let text = svg_element("text", attrs)?;
    for (k, line) in lines.iter().enumerate() {
        let dy = if k == 0 { 0.0 } else { step };
        let span = svg_element("tspan", &[("x", "16"), ("dy", &dy.to_string())])?;
        span.set_text_content(Some(line));
        text.append_child(&span).map_err(err)?;
    }
    Ok(text)
}

/// The chart found by `selector` as a self-contained SVG document, with its size; `title` is
/// the chart's title and a caption under it (empty: none).
pub fn svg_document(
    selector: &str,
    title: (&str, &str),
    credit: &str,
) -> Result<(String, f64, f64), String> {
    let window = gloo::utils::window();
    let document = gloo::utils::document();
    let svg = document
        .query_selector(selector)
        .map_err(err)?
        .ok_or_else(|| format!("no chart {selector}"))?;
    let copy: Element = svg
        .clone_node_with_deep(true)
        .map_err(err)?
        .unchecked_into();
    inline_styles(&window, &svg, &copy)?;
    let (w, h) = view_size(&svg);
    let h = add_legend(&window, &svg, &copy, w, h)?;
    let h = add_title(&window, &svg, &copy, title, w, h)?;
    let h = add_credit(&window, &svg, &copy, credit, w, h)?;
    copy.set_attribute_ns(Some(XMLNS_NS), "xmlns", SVG_NS)
        .map_err(err)?;
    copy.set_attribute("width", &w.to_string()).map_err(err)?;
    copy.set_attribute("height", &h.to_string()).map_err(err)?;
    copy.set_attribute("font-family", &{
        let style = window.get_computed_style(&svg).map_err(err)?;
        style
            .and_then(|s| s.get_property_value("font-family").ok())
            .unwrap_or_default()
    })
    .map_err(err)?;
    for attr in ["class", "aria-labelledby", "aria-describedby"] {
        copy.remove_attribute(attr).map_err(err)?;
    }
    // A white page under the drawing (a PNG would be transparent otherwise), and the title.
    let bg = svg_element(
        "rect",
        &[
            ("class", "export-background"),
            ("x", "0"),
            ("y", "0"),
            ("width", &w.to_string()),
            ("height", &h.to_string()),
            ("fill", "#ffffff"),
        ],
    )?;
    let title_el = svg_element("title", &[])?;
    title_el.set_text_content(Some(title.0));
    copy.prepend_with_node_2(&title_el, &bg).map_err(err)?;
    let text = XmlSerializer::new()
        .map_err(err)?
        .serialize_to_string(&copy)
        .map_err(err)?;
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n"),
        w,
        h,
    ))
}

/// Downloads the chart found by `selector` as an SVG file.
pub fn download_svg(
    selector: &str,
    title: (&str, &str),
    credit: &str,
    name: &str,
) -> Result<(), String> {
    let (text, _, _) = svg_document(selector, title, credit)?;
    download_blob(&text_blob(&text, "image/svg+xml;charset=utf-8")?, name)
}

/// Downloads the chart found by `selector` as a PNG picture at twice its size. The drawing
/// happens once the SVG has loaded as an image; `done` hears of a failure.
pub fn download_png(
    selector: &str,
    title: (&str, &str),
    credit: &str,
    name: &str,
    done: Callback<Option<String>>,
) -> Result<(), String> {
    let (text, w, h) = svg_document(selector, title, credit)?;
    let url = Url::create_object_url_with_blob(&text_blob(&text, "image/svg+xml;charset=utf-8")?)
        .map_err(err)?;
    let img = HtmlImageElement::new().map_err(err)?;
    let name = name.to_string();
    let on_error = {
        let done = done.clone();
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
            done.emit(Some("the image could not be drawn".into()));
        })
    };
    let on_load = {
        let img = img.clone();
        let url = url.clone();
        Closure::once_into_js(move || {
            let r = draw_png(&img, w, h, name, done.clone());
            let _ = Url::revoke_object_url(&url);
            if let Err(e) = r {
                done.emit(Some(e));
            }
        })
    };
    img.set_onload(Some(on_load.unchecked_ref()));
    img.set_onerror(Some(on_error.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

fn draw_png(
    img: &HtmlImageElement,
    w: f64,
    h: f64,
    name: String,
    done: Callback<Option<String>>,
) -> Result<(), String> {
    const SCALE: f64 = 2.0;
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(err)?
        .unchecked_into();
    canvas.set_width((w * SCALE).round() as u32);
    canvas.set_height((h * SCALE).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(err)?
        .ok_or("no 2d canvas")?
        .unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w * SCALE, h * SCALE);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w * SCALE, h * SCALE)
        .map_err(err)?;
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        let r = match blob.dyn_into::<Blob>() {
            Ok(b) => download_blob(&b, &name),
            Err(_) => Err("the picture could not be made".into()),
        };
        done.emit(r.err());
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(err)?;
    Ok(())
}

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub lang: Lang,
    /// The chart's title (in labels and the SVG's `<title>`).
    pub chart: AttrValue,
    /// The file name without `aliansi-`, the model and the extension (see
    /// [`chart_file_name`]).
    pub file_stem: AttrValue,
    /// Builds the CSV text (when the button is clicked); no CSV button without it.
    #[prop_or_default]
    pub csv: Option<Callback<(), String>>,
    /// A CSS selector of the chart's `<svg>`; no SVG and PNG buttons without it.
    #[prop_or_default]
    pub svg: Option<AttrValue>,
    /// Test id prefix: the buttons are `<testid>-csv`, `-svg` and `-png`.
    pub testid: AttrValue,
    /// What the chart shows, under its title in the SVG and the PNG (a comparison's runs and
    /// what changed between them), so that a picture on a slide says it without the page.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// CSV / SVG / PNG buttons for one chart.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let lang = props.lang;
    let problem = use_state(|| None::<String>);
    let report = {
        let problem = problem.clone();
        Callback::from(move |r: Option<String>| problem.set(r))
    };
    let chart = props.chart.to_string();
    let caption = props.caption.as_deref().unwrap_or_default().to_string();
    let credit = tf(
        lang,
        "export.debrief_model",
        &[("version", aliansi_sim::MODEL_VERSION)],
    );
    let stem = props.file_stem.to_string();
    let args = [("chart", chart.as_str())];
    let csv = props.csv.clone().map(|make| {
        let report = report.clone();
        let name = chart_file_name(&stem, "csv");
        let onclick = Callback::from(move |_: MouseEvent| {
            // In Indonesian, as spreadsheets set to Indonesian number formats read it.
            let text = match lang {
                Lang::En => make.emit(()),
                Lang::Id => semicolon_csv(&make.emit(())),
            };
            report.emit(download_csv(&text, &name).err());
        });
        html! {
            // Named by its word (CSV, SVG, PNG) in its group ("Take away …"); the title, for a
            // mouse's tooltip, is its description. An aria-label of the same words as the title
            // made a screen reader say them twice.
            <button type="button" class="secondary export-button" data-testid={format!("{}-csv", props.testid)}
                title={tf(lang, "export.csv_label", &args)} {onclick}>
                { t(lang, "export.csv") }
            </button>
        }
    });
    let pictures = props.svg.clone().map(|selector| {
        let svg_click = {
            let report = report.clone();
            let selector = selector.clone();
            let (chart, caption, credit) = (chart.clone(), caption.clone(), credit.clone());
            let name = chart_file_name(&stem, "svg");
            Callback::from(move |_: MouseEvent| {
                report.emit(download_svg(&selector, (&chart, &caption), &credit, &name).err());
            })
        };
        let png_click = {
            let report = report.clone();
            let (chart, caption, credit) = (chart.clone(), caption.clone(), credit.clone());
            let name = chart_file_name(&stem, "png");
            Callback::from(move |_: MouseEvent| {
                report.emit(None);
                if let Err(e) = download_png(&selector, (&chart, &caption), &credit, &name, report.clone()) {
                    report.emit(Some(e));
                }
            })
        };
        html! {
            <>
                <button type="button" class="secondary export-button" data-testid={format!("{}-svg", props.testid)}
                    title={tf(lang, "export.svg_label", &args)}
                    onclick={svg_click}>{ t(lang, "export.svg") }</button>
                <button type="button" class="secondary export-button" data-testid={format!("{}-png", props.testid)}
                    title={tf(lang, "export.png_label", &args)}
                    onclick={png_click}>{ t(lang, "export.png") }</button>
            </>
        }
    });
    html! {
        <div class="export-bar" role="group" aria-label={tf(lang, "export.bar_label", &args)}
            data-testid={props.testid.clone()}>
            { for csv }
            { for pictures }
            if let Some(e) = (*problem).clone() {
                <span class="export-error" role="status">{ tf(lang, "export.failed", &[("error", &e)]) }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LineExportProps {
    pub lang: Lang,
    /// The `id` given to the [`crate::components::LineChart`] (its svg is found by it).
    pub chart_id: AttrValue,
    pub title: AttrValue,
    pub series: Rc<Vec<ChartSeries>>,
    /// The stem of the file names (the chart's title is added).
    pub file_stem: AttrValue,
    /// Under the title in the SVG and the PNG (see [`ExportBarProps::caption`]).
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// The export buttons of a [`crate::components::LineChart`]: its lines as a CSV (a column per
/// line, a row per month), SVG and PNG.
#[function_component(LineExport)]
pub fn line_export(props: &LineExportProps) -> Html {
    let series = props.series.clone();
    // The chart's own columns are headed in the page's language (its lines' labels): so is
    // its month column. (The whole run's table and a batch's keep English names, the same
    // as the command line's, for scripts.)
    let month = t(props.lang, "export.col_month");
    let csv = Callback::from(move |_: ()| {
        let lines: Vec<(&str, &[(f64, f64)])> = series
            .iter()
            .map(|s| (s.label.as_str(), s.points.as_slice()))
            .collect();
        lines_csv(month, &lines)
    });
    let id = &props.chart_id;
    html! {
        <ExportBar lang={props.lang} chart={props.title.clone()}
            file_stem={format!("{}-{}", props.file_stem, id.trim_start_matches("ch-").trim_start_matches("cmp-"))}
            csv={Some(csv)} svg={Some(AttrValue::from(format!("svg[aria-labelledby=\"{id}-title\"]")))}
            testid={format!("{id}-export")} caption={props.caption.clone()} />
    }
}

/// Which experiment a debrief prints: the `data-debrief` value put on `<html>` while
/// printing, which `styles/print.css` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Debrief {
    /// "Many futures".
    Batch,
    /// "Compare fairly".
    Variants,
    /// "Sweep a parameter".
    Sweep,
}

impl Debrief {
    pub fn key(self) -> &'static str {
        match self {
            Debrief::Batch => "batch",
            Debrief::Variants => "variants",
            Debrief::Sweep => "sweep",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub lang: Lang,
    pub which: Debrief,
}

/// "Print debrief": marks the page with the experiment to print, opens the browser's print
/// window (where "Save as PDF" makes a file), and clears the mark after printing.
#[function_component(PrintDebrief)]
pub fn print_debrief(props: &PrintProps) -> Html {
    let lang = props.lang;
    let which = props.which;
    let onclick = Callback::from(move |_: MouseEvent| {
        let window = gloo::utils::window();
        let root = gloo::utils::document_element();
        let _ = root.set_attribute("data-debrief", which.key());
        EventListener::once(&window, "afterprint", move |_| {
            let _ = gloo::utils::document_element().remove_attribute("data-debrief");
        })
        .forget();
        let _ = window.print();
    });
    let hint_id = format!("{}-print-hint", which.key());
    html! {
        <div class="print-row">
            <button type="button" class="secondary print-button" data-testid={format!("{}-print", which.key())}
                aria-describedby={hint_id.clone()} {onclick}>
                { t(lang, "export.print") }
            </button>
            <p id={hint_id} class="hint">{ t(lang, "export.print_hint") }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DebriefHeadProps {
    pub lang: Lang,
    /// The experiment's name (a heading of the page).
    pub experiment: AttrValue,
    /// The scenario the results were run on (with its seed: a batch's master seed), which the
    /// debrief prints: the one in the editor may have changed since.
    pub scenario: aliansi_sim::Scenario,
    /// Findings in sentences (none: the section's own words are enough).
    #[prop_or_default]
    pub findings: Vec<String>,
}

/// The debrief's heading (on paper only) and findings (on screen too: a student on a phone
/// reads them before the charts).
#[function_component(DebriefHead)]
pub fn debrief_head(props: &DebriefHeadProps) -> Html {
    let lang = props.lang;
    // A ready-made scenario (a lesson's too) is named by its title, which the class knows it
    // by; the seed aside (a batch's is its master seed).
    let preset = aliansi_sim::presets::all().into_iter().find(|p| {
        let mut s = props.scenario.clone();
        s.seed = p.scenario.seed;
        s == p.scenario
    });
    html! {
        <div class="debrief-head" data-testid="debrief-head">
            <p class="debrief-title print-only">
                { tf(lang, "export.debrief", &[("experiment", &props.experiment)]) }
                // Which model gave these results (its runs change with a new version).
                <span class="debrief-model" data-testid="debrief-model">
                    { tf(lang, "export.debrief_model", &[("version", aliansi_sim::MODEL_VERSION)]) }
                </span>
            </p>
            if let Some(p) = preset {
                <p class="print-only debrief-preset" data-testid="debrief-preset">
                    { tf(lang, "export.debrief_preset", &[("title", t(lang, &format!("library.preset.{}.title", p.id)))]) }
                </p>
            }
            <div class="print-only debrief-scenario-wrap">
                <crate::components::scenario_summary::ScenarioSummary {lang}
                    scenario={props.scenario.clone()} seed={props.scenario.seed}
                    testid="debrief-scenario" />
            </div>
            if !props.findings.is_empty() {
                <div class="debrief-findings" data-testid="debrief-findings">
                    <p class="debrief-findings-title print-only">{ t(lang, "export.findings") }</p>
                    <ul>{ for props.findings.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                </div>
            }
        </div>
    }
}

/// The charts of "Many futures" that can be taken away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchChart {
    Survival,
    SurvivalTable,
    Hazard,
    Causes,
    Value,
    Trust,
    Shares,
}

/// The export buttons of one chart of "Many futures" (the CSV written from the summary when
/// its button is pressed).
pub fn batch_bar(lang: Lang, f: &Rc<crate::batch::Finished>, chart: BatchChart) -> Html {
    use crate::batch::Finished;
    use crate::export as x;
    // Each chart's CSV is written when its button is pressed, not with every drawing.
    type Csv = fn(Lang, &Finished) -> String;
    let (key, title, testid, make): (&str, &str, Option<&str>, Csv) = match chart {
        BatchChart::Survival => (
            "survival",
            "experiments.km_title",
            Some("batch-km"),
            |_, f| x::survival_csv(&f.summary),
        ),
        BatchChart::SurvivalTable => (
            "survival-table",
            "experiments.table_caption",
            None,
            |_, f| x::survival_table_csv(&f.summary),
        ),
        BatchChart::Hazard => (
            "hazard",
            "experiments.hazard_title",
            Some("batch-hazard"),
            |_, f| x::hazard_csv(&f.summary),
        ),
        BatchChart::Causes => ("causes", "experiments.causes_title", None, |lang, f| {
            x::causes_csv(lang, &f.summary)
        }),
        BatchChart::Value => (
            "value",
            "experiments.value_title",
            Some("batch-value"),
            |_, f| x::value_hist_csv(&f.summary),
        ),
        BatchChart::Trust => (
            "trust",
            "experiments.trust_title",
            Some("batch-trust"),
            |_, f| x::trust_hist_csv(&f.summary),
        ),
        BatchChart::Shares => ("shares", "experiments.shares_title", None, |_, f| {
            x::shares_csv(&f.summary, &f.scenario)
        }),
    };
    let csv = {
        let f = f.clone();
        move |_: ()| make(lang, &f)
    };
    let stem = format!("{}-{key}", x::batch_stem(f.summary.runs, f.scenario.seed));
    // The hazard's caption gives its unit (as the page's does): its bars are labelled in %.
    let title = match chart {
        BatchChart::Hazard => format!("{} (%)", t(lang, title)),
        _ => t(lang, title).to_string(),
    };
    html! {
        <ExportBar {lang} chart={title} file_stem={stem}
            csv={Some(Callback::from(csv))}
            svg={testid.map(|id| AttrValue::from(format!("[data-testid=\"{id}\"]")))}
            testid={format!("batch-{key}-export")} />
    }
}

/// The export buttons of "Compare fairly": the curves (CSV, SVG, PNG) or the table (CSV).
pub fn variants_bar(lang: Lang, r: &Rc<crate::variants::Results>, curves: bool) -> Html {
    use crate::export as x;
    let stem = x::compare_stem(r.runs, r.seed);
    // The CSV is written when the button is pressed.
    type Csv = fn(Lang, &crate::variants::Results) -> String;
    let (key, title, svg, make): (&str, &str, _, Csv) = if curves {
        (
            "curves",
            "experiments.variants_km_title",
            Some(AttrValue::from("[data-testid=\"variants-km\"]")),
            |lang, r| x::variants_curves_csv(t(lang, "export.col_month"), r),
        )
    } else {
        (
            "table",
            "experiments.variants_table_caption",
            None,
            |_, r| x::variants_summary_csv(r),
        )
    };
    let csv = {
        let r = r.clone();
        move |_: ()| make(lang, &r)
    };
    html! {
        <ExportBar {lang} chart={t(lang, title)} file_stem={format!("{stem}-{key}")}
            csv={Some(Callback::from(csv))} {svg}
            testid={format!("variants-{key}-export")} />
    }
}

/// The export buttons of a sweep: the results table (CSV) and its chart, the line or the heat
/// map (SVG, PNG).
pub fn sweep_bar(lang: Lang, r: &Rc<crate::sweep::Results>) -> Html {
    use crate::export as x;
    let (key, svg) = if r.result.y.is_some() {
        ("heatmap", "[data-testid=\"sweep-heatmap\"]")
    } else {
        ("line", "[data-testid=\"sweep-line\"]")
    };
    // Written when the button is pressed.
    let csv = {
        let r = r.clone();
        move |_: ()| x::sweep_csv(&r)
    };
    html! {
        <ExportBar {lang} chart={t(lang, "sweep.results_heading")}
            file_stem={format!("{}-{key}", x::sweep_stem(r.runs, r.base.seed))}
            csv={Some(Callback::from(csv))} svg={Some(AttrValue::from(svg))}
            testid="sweep-export" />
    }
}
