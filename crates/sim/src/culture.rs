//! Culture (challenge 2): Hofstede's six dimensions, country presets, Kogut-Singh distance.

use crate::scenario::ScenarioError;

/// Scores on Hofstede's six dimensions, each in [0, 120] (published scores run 0 to about 120).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Culture {
    /// Power distance.
    pub pdi: f64,
    /// Individualism.
    pub idv: f64,
    /// Masculinity (achievement orientation).
    pub mas: f64,
    /// Uncertainty avoidance.
    pub uai: f64,
    /// Long-term orientation.
    pub lto: f64,
    /// Indulgence.
    pub ivr: f64,
}

impl Culture {
    pub fn dims(&self) -> [f64; 6] {
        [self.pdi, self.idv, self.mas, self.uai, self.lto, self.ivr]
    }
    pub fn from_dims(d: [f64; 6]) -> Culture {
        Culture {
            pdi: d[0],
            idv: d[1],
            mas: d[2],
            uai: d[3],
            lto: d[4],
            ivr: d[5],
        }
    }
}

/// Dimension names as users type them.
pub const DIMENSION_KEYS: [&str; 6] = ["pdi", "idv", "mas", "uai", "lto", "ivr"];

/// Countries with published six-dimension scores (Hofstede, Hofstede & Minkov 2010,
/// *Cultures and Organizations*, 3rd ed.; the values published at hofstede-insights.com).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Country {
    ID,
    JP,
    CN,
    KR,
    SG,
    MY,
    IN,
    TH,
    VN,
    PH,
    US,
    DE,
    NL,
    GB,
    FR,
    AU,
    SE,
    BR,
}

impl Country {
    pub const ALL: [Country; 18] = [
        Country::ID,
        Country::JP,
        Country::CN,
        Country::KR,
        Country::SG,
        Country::MY,
        Country::IN,
        Country::TH,
        Country::VN,
        Country::PH,
        Country::US,
        Country::DE,
        Country::NL,
        Country::GB,
        Country::FR,
        Country::AU,
        Country::SE,
        Country::BR,
    ];

    /// ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::ID => "ID",
            Country::JP => "JP",
            Country::CN => "CN",
            Country::KR => "KR",
            Country::SG => "SG",
            Country::MY => "MY",
            Country::IN => "IN",
            Country::TH => "TH",
            Country::VN => "VN",
            Country::PH => "PH",
            Country::US => "US",
            Country::DE => "DE",
            Country::NL => "NL",
            Country::GB => "GB",
            Country::FR => "FR",
            Country::AU => "AU",
            Country::SE => "SE",
            Country::BR => "BR",
        }
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Country::ID => "Indonesia",
            Country::JP => "Japan",
            Country::CN => "China",
            Country::KR => "South Korea",
            Country::SG => "Singapore",
            Country::MY => "Malaysia",
            Country::IN => "India",
            Country::TH => "Thailand",
            Country::VN => "Vietnam",
            Country::PH => "Philippines",
            Country::US => "United States",
            Country::DE => "Germany",
            Country::NL => "Netherlands",
            Country::GB => "United Kingdom",
            Country::FR => "France",
            Country::AU => "Australia",
            Country::SE => "Sweden",
            Country::BR => "Brazil",
        }
    }

    /// Looks a country up by its code (case-insensitive; `UK` is accepted for `GB`).
    pub fn from_code(code: &str) -> Option<Country> {
        let up = code.trim().to_ascii_uppercase();
        let up = if up == "UK" { "GB".to_string() } else { up };
        Country::ALL.iter().copied().find(|c| c.code() == up)
    }

    /// Published scores: PDI, IDV, MAS, UAI, LTO, IVR.
    pub fn culture(self) -> Culture {
        let d = match self {
            Country::ID => [78.0, 14.0, 46.0, 48.0, 62.0, 38.0],
            Country::JP => [54.0, 46.0, 95.0, 92.0, 88.0, 42.0],
            Country::CN => [80.0, 20.0, 66.0, 30.0, 87.0, 24.0],
            Country::KR => [60.0, 18.0, 39.0, 85.0, 100.0, 29.0],
            Country::SG => [74.0, 20.0, 48.0, 8.0, 72.0, 46.0],
            Country::MY => [100.0, 26.0, 50.0, 36.0, 41.0, 57.0],
            Country::IN => [77.0, 48.0, 56.0, 40.0, 51.0, 26.0],
            Country::TH => [64.0, 20.0, 34.0, 64.0, 32.0, 45.0],
            Country::VN => [70.0, 20.0, 40.0, 30.0, 57.0, 35.0],
            Country::PH => [94.0, 32.0, 64.0, 44.0, 27.0, 42.0],
            Country::US => [40.0, 91.0, 62.0, 46.0, 26.0, 68.0],
            Country::DE => [35.0, 67.0, 66.0, 65.0, 83.0, 40.0],
            Country::NL => [38.0, 80.0, 14.0, 53.0, 67.0, 68.0],
            Country::GB => [35.0, 89.0, 66.0, 35.0, 51.0, 69.0],
            Country::FR => [68.0, 71.0, 43.0, 86.0, 63.0, 48.0],
            Country::AU => [36.0, 90.0, 61.0, 51.0, 21.0, 71.0],
            Country::SE => [31.0, 71.0, 5.0, 29.0, 53.0, 78.0],
            Country::BR => [69.0, 38.0, 49.0, 76.0, 44.0, 59.0],
        };
        Culture::from_dims(d)
    }
}

/// A partner's culture: a country preset or six custom scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CultureSpec {
    Country(Country),
    Custom(Culture),
}

impl CultureSpec {
    pub fn culture(&self) -> Culture {
        match self {
            CultureSpec::Country(c) => c.culture(),
            CultureSpec::Custom(c) => *c,
        }
    }

    pub(crate) fn validate(&self, field: impl std::fmt::Display) -> Result<(), ScenarioError> {
        if let CultureSpec::Custom(c) = self {
            for (k, v) in DIMENSION_KEYS.iter().zip(c.dims()) {
                if !v.is_finite() || !(0.0..=120.0).contains(&v) {
                    return Err(ScenarioError {
                        field: format!("{field}.{k}"),
                        message: format!("must be a score in [0, 120], got {v}"),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Variance of each dimension across the published country scores, the denominator of the
/// Kogut-Singh index (standard deviations of about 22, 24, 19, 24, 24 and 22 points across the
/// 2010 country sample).
pub const DIMENSION_VARIANCE: [f64; 6] = [484.0, 576.0, 361.0, 576.0, 576.0, 484.0];

/// Kogut & Singh (1988) cultural distance: the mean over dimensions of the squared score
/// difference divided by the dimension's variance. 0 for identical cultures; about 2.4 for
/// Indonesia-Japan, 3.0 for Indonesia-USA.
pub fn kogut_singh(a: &Culture, b: &Culture) -> f64 {
    let (a, b) = (a.dims(), b.dims());
    let mut s = 0.0;
    for d in 0..6 {
        let diff = a[d] - b[d];
        s += diff * diff / DIMENSION_VARIANCE[d];
    }
    s / 6.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_symmetric_and_zero_on_self() {
        for a in Country::ALL {
            assert_eq!(kogut_singh(&a.culture(), &a.culture()), 0.0);
            for b in Country::ALL {
                assert_eq!(
                    kogut_singh(&a.culture(), &b.culture()),
                    kogut_singh(&b.culture(), &a.culture())
                );
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for c in Country::ALL {
            assert_eq!(Country::from_code(c.code()), Some(c));
            assert_eq!(Country::from_code(&c.code().to_lowercase()), Some(c));
        }
        assert_eq!(Country::from_code("UK"), Some(Country::GB));
        assert_eq!(Country::from_code("XX"), None);
    }

    #[test]
    fn asian_neighbours_are_closer_than_indonesia_and_usa() {
        let id = Country::ID.culture();
        assert!(
            kogut_singh(&id, &Country::MY.culture()) < kogut_singh(&id, &Country::US.culture())
        );
        let d = kogut_singh(&id, &Country::US.culture());
        assert!((2.5..3.5).contains(&d), "ID-US distance {d}");
    }
}
