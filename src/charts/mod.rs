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
    band_path, bars, hbars, histogram, label_digits, occupied, step_points, value_digits, Rect,
};
pub use color::{dash, diverging, edge_colour, light_text_on, palette};
pub use extent::{nice_y_domain, points};
pub use heatmap::{band_centres, heat_cells, label_size, legend_stops, Cell};
pub use network::{circle_layout, edge_width, max_radius_for, node_radius, shorten};
pub use path::{fmt_num, line_path};
pub use scale::LinearScale;
pub use ticks::{ticks, ticks_with_step_at_least};

/// Where the labels under an x axis hang (`dominant-baseline="hanging"`), in viewBox units
/// below the axis: the ticks' values, then the axis's title. Set for the largest type the
/// charts get, 24 units on a phone (the charts' CSS), where a 600-unit drawing is about
/// 300 px wide: a 24-unit line is about 28 units tall, so the title clears the values.
pub const X_TICK_BELOW: f64 = 10.0;
/// See [`X_TICK_BELOW`].
pub const X_TITLE_BELOW: f64 = 42.0;
/// The band a chart keeps under its plot for [`X_TICK_BELOW`] and [`X_TITLE_BELOW`]: the
/// title's line and a little air.
pub const X_LABELS_BAND: f64 = 72.0;
