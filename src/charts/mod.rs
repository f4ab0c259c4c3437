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
