//! Heat map geometry: a grid of cells coloured by a value in [0, 1] (the survival of a
//! two-parameter sweep), its colour legend, and the centres of equal bands (category axes).

use super::bars::Rect;
use super::color::{diverging, light_text_on};

/// One cell of a heat map: column `ix`, row `iy` (row 0 at the bottom, as on a y axis).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub ix: usize,
    pub iy: usize,
    pub value: f64,
    pub rect: Rect,
    /// `#rrggbb` on the orange (low) to blue (high) scale.
    pub fill: String,
    /// Whether a label on the cell should be light.
    pub light_text: bool,
}

impl Cell {
    /// The centre of the cell (for its label).
    pub fn centre(&self) -> (f64, f64) {
        (
            self.rect.x + self.rect.w / 2.0,
            self.rect.y + self.rect.h / 2.0,
        )
    }
}

/// The cells of `grid` (`grid[iy][ix]`, values in [0, 1]) in a `width` x `height` box, row 0
/// at the bottom, each cell inset by `gap` / 2 on every side. Rows shorter than the longest
/// leave their missing cells out.
pub fn heat_cells(grid: &[Vec<f64>], width: f64, height: f64, gap: f64) -> Vec<Cell> {
    let nx = grid.iter().map(Vec::len).max().unwrap_or(0);
    let ny = grid.len();
    if nx == 0 || ny == 0 {
        return Vec::new();
    }
    let cw = width / nx as f64;
    let ch = height / ny as f64;
    let g = gap.clamp(0.0, cw.min(ch) / 2.0);
    let mut out = Vec::with_capacity(nx * ny);
    for (iy, row) in grid.iter().enumerate() {
        for (ix, &value) in row.iter().enumerate() {
            out.push(Cell {
                ix,
                iy,
                value,
                rect: Rect {
                    x: ix as f64 * cw + g / 2.0,
                    y: height - (iy + 1) as f64 * ch + g / 2.0,
                    w: cw - g,
                    h: ch - g,
                },
                fill: diverging(value),
                light_text: light_text_on(value),
            });
        }
    }
    out
}

/// The centres of `n` equal bands over `0..length` (category positions on an axis).
pub fn band_centres(n: usize, length: f64) -> Vec<f64> {
    let step = length / n.max(1) as f64;
    (0..n).map(|i| (i as f64 + 0.5) * step).collect()
}

/// A font size for a label inside a `w` x `h` cell holding about `chars` characters: as
/// large as fits, at most `max`; `None` when even 8 units do not fit (leave the label out).
pub fn label_size(w: f64, h: f64, chars: usize, max: f64) -> Option<f64> {
    // A digit is about 0.6 em wide; keep a margin on both sides.
    let by_width = (w - 4.0) / (0.6 * chars.max(1) as f64);
    let by_height = h * 0.5;
    let size = by_width.min(by_height).min(max);
    (size >= 8.0).then_some((size * 10.0).floor() / 10.0)
}

/// Stops of the colour legend: `n` + 1 (offset in [0, 1], colour) pairs from 0 to 1, for an
/// SVG linear gradient.
pub fn legend_stops(n: usize) -> Vec<(f64, String)> {
    let n = n.max(1);
    (0..=n)
        .map(|k| {
            let v = k as f64 / n as f64;
            (v, diverging(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fill_the_box_with_row_zero_at_the_bottom() {
        let grid = vec![vec![0.0, 0.5, 1.0], vec![0.2, 0.4, 0.6]];
        let cells = heat_cells(&grid, 300.0, 100.0, 0.0);
        assert_eq!(cells.len(), 6);
        let first = &cells[0];
        assert_eq!((first.ix, first.iy), (0, 0));
        assert_eq!(
            first.rect,
            Rect {
                x: 0.0,
                y: 50.0,
                w: 100.0,
                h: 50.0
            }
        );
        let top_right = cells.iter().find(|c| c.ix == 2 && c.iy == 1).unwrap();
        assert_eq!(
            top_right.rect,
            Rect {
                x: 200.0,
                y: 0.0,
                w: 100.0,
                h: 50.0
            }
        );
        assert_eq!(top_right.centre(), (250.0, 25.0));
        // Colours follow the value; the ends take light text.
        assert_eq!(first.fill, diverging(0.0));
        assert_eq!(cells[2].fill, diverging(1.0));
        assert!(first.light_text && !cells[1].light_text);
        // The cells tile the box exactly: total area.
        let area: f64 = cells.iter().map(|c| c.rect.w * c.rect.h).sum();
        assert!((area - 300.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn gaps_inset_each_cell() {
        let cells = heat_cells(&[vec![0.3, 0.7]], 100.0, 40.0, 4.0);
        assert_eq!(
            cells[1].rect,
            Rect {
                x: 52.0,
                y: 2.0,
                w: 46.0,
                h: 36.0
            }
        );
        // A gap larger than a cell is limited to half of it.
        let tiny = heat_cells(&[vec![0.5]], 10.0, 10.0, 50.0);
        assert_eq!(tiny[0].rect.w, 5.0);
        assert!(heat_cells(&[], 10.0, 10.0, 0.0).is_empty());
        assert!(heat_cells(&[vec![]], 10.0, 10.0, 0.0).is_empty());
    }

    #[test]
    fn bands_and_labels() {
        assert_eq!(band_centres(4, 400.0), vec![50.0, 150.0, 250.0, 350.0]);
        assert_eq!(band_centres(1, 10.0), vec![5.0]);
        assert!(band_centres(0, 10.0).is_empty());
        assert_eq!(label_size(100.0, 60.0, 6, 14.0), Some(14.0));
        let s = label_size(40.0, 60.0, 6, 14.0).unwrap();
        assert!((8.0..14.0).contains(&s), "{s}");
        assert_eq!(label_size(20.0, 60.0, 6, 14.0), None);
        assert_eq!(label_size(100.0, 12.0, 2, 14.0), None);
    }

    #[test]
    fn legend_runs_from_low_to_high() {
        let stops = legend_stops(4);
        assert_eq!(stops.len(), 5);
        assert_eq!(stops[0], (0.0, diverging(0.0)));
        assert_eq!(stops[4], (1.0, diverging(1.0)));
        assert_eq!(stops[2].1, diverging(0.5));
    }
}
