//! Pure chart geometry: scales, axis ticks and SVG paths. No web code, tested natively.

mod path;
mod scale;
mod ticks;

pub use path::{fmt_num, line_path};
pub use scale::LinearScale;
pub use ticks::ticks;
