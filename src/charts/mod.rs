//! Pure chart geometry: scales, axis ticks, SVG paths, network layout and colour scales.
//! No web code, tested natively.

mod bars;
mod color;
mod extent;
mod heatmap;
mod network;
mod path;
mod scale;
mod ticks;

pub use bars::{
    band_path, bars, hbars, histogram, label_digits, middle_half, occupied, step_points,
    value_digits, Rect,
};
pub use color::{dash, diverging, edge_colour, light_text_on, palette};
pub use extent::{nice_y_domain, points};
pub use heatmap::{band_centres, heat_cells, label_size, legend_stops, Cell};
pub use network::{circle_layout, edge_width, max_radius_for, node_radius, shorten, text_width};
pub use path::{fmt_num, line_path};
pub use scale::LinearScale;
pub use ticks::{month_ticks, ticks, ticks_with_step_at_least};

/// Where the labels under an x axis hang (`dominant-baseline="hanging"`), in viewBox units
/// below the axis: the ticks' values, then the axis's title. Set for the largest type the
/// charts get, 24 units on a phone (the charts' CSS), where a 600-unit drawing is about
/// 300 px wide: a 24-unit line is about 28 units tall, so the title clears the values.
pub const X_TICK_BELOW: f64 = 10.0;
/// See [`X_TICK_BELOW`].
pub const X_TITLE_BELOW: f64 = 42.0;
/// The largest type of the charts' axis labels, in viewBox units (a phone's; see [`X_TICK_BELOW`]).
pub const LABEL_FONT_MAX: f64 = 24.0;

/// The left margin a chart needs for its y axis's `labels`, written right-aligned 8 units left
/// of the axis at up to [`LABEL_FONT_MAX`]: at least `min`.
pub fn y_label_margin<'a>(labels: impl IntoIterator<Item = &'a str>, min: f64) -> f64 {
    let widest = labels
        .into_iter()
        .map(|l| text_width(l, LABEL_FONT_MAX))
        .fold(0.0, f64::max);
    (widest + 12.0).max(min)
}

/// The band a chart keeps under its plot for [`X_TICK_BELOW`] and [`X_TITLE_BELOW`]: the
/// title's line and a little air.
pub const X_LABELS_BAND: f64 = 72.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_y_axis_margin_grows_with_its_widest_label() {
        // Short values keep the least margin.
        assert_eq!(y_label_margin(["0.0", "0.5", "1.0"], 60.0), 60.0);
        // Thousands need more: the widest label at the phone's type, the gap to the axis and
        // a little air, so that it does not leave the drawing.
        let wide = y_label_margin(["0", "1,000", "2,000"], 60.0);
        assert!(wide > 60.0);
        assert!(wide >= text_width("2,000", LABEL_FONT_MAX) + 8.0);
        assert!(y_label_margin(["20,000"], 60.0) > wide);
        assert_eq!(y_label_margin([], 60.0), 60.0);
    }
}
