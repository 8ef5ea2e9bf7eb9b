//! Epochs and Clarity versions as a Clarinet 2.x/3.x manifest (or requirements cache)
//! writes them, and what the reference (clarity-vm 2.1.1: epochs 2.0 to 2.4, Clarity 1
//! and 2) makes of them. A Clarity 1/2 contract set to a later epoch runs at 2.4 (the
//! words it can use mean the same there), with a warning; a Clarity 3+ contract is
//! refused, never run under other rules.

use clarity::types::StacksEpochId;
use clarity::vm::ClarityVersion;

/// An epoch as written: one the reference knows, or a later one (by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Epoch {
    Known(StacksEpochId),
    /// "2.5", "3.0" … "3.3", or "latest" (Clarinet 3: the epoch mainnet runs).
    Later(String),
}

impl Epoch {
    /// `2.4`, `"2.4"`, `"3.0"`, `3`, `"latest"`, and the cache's `"Epoch24"`/`"Epoch2_05"`.
    pub fn parse(text: &str) -> Option<Epoch> {
        let t = text.trim().trim_start_matches("Epoch");
        let t = match t {
            "2_05" | "205" => "2.05",
            "20" | "2" => "2.0",
            "21" | "22" | "23" | "24" | "25" | "30" | "31" | "32" | "33" => {
                return Epoch::parse(&format!("{}.{}", &t[..1], &t[1..]))
            }
            "3" => "3.0",
            _ => t,
        };
        Some(match t {
            "2.0" => Epoch::Known(StacksEpochId::Epoch20),
            "2.05" => Epoch::Known(StacksEpochId::Epoch2_05),
            "2.1" => Epoch::Known(StacksEpochId::Epoch21),
            "2.2" => Epoch::Known(StacksEpochId::Epoch22),
            "2.3" => Epoch::Known(StacksEpochId::Epoch23),
            "2.4" => Epoch::Known(StacksEpochId::Epoch24),
            "2.5" | "3.0" | "3.1" | "3.2" | "3.3" | "latest" => Epoch::Later(t.to_string()),
            _ => return None,
        })
    }

    /// The Clarity version a contract gets when only its epoch is set (Clarinet's rule).
    pub fn default_version(&self) -> u8 {
        match self {
            Epoch::Known(e) => match ClarityVersion::default_for_epoch(*e) {
                ClarityVersion::Clarity1 => 1,
                ClarityVersion::Clarity2 => 2,
            },
            Epoch::Later(t) if t == "2.5" => 2,
            // 3.0 to 3.2 default to Clarity 3; 3.3 and "latest" (mainnet today) to 4.
            Epoch::Later(t) if t == "3.3" || t == "latest" => 4,
            Epoch::Later(_) => 3,
        }
    }

    /// The epoch it runs at here.
    pub fn runs_at(&self) -> StacksEpochId {
        match self {
            Epoch::Known(e) => *e,
            Epoch::Later(_) => StacksEpochId::Epoch24,
        }
    }
}

impl std::fmt::Display for Epoch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Epoch::Known(e) => write!(f, "{e}"),
            Epoch::Later(t) => f.write_str(t),
        }
    }
}

/// A TOML/JSON/YAML scalar as text (`2.4`, `"2.4"`, `2`).
pub fn scalar_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        // 2.05 must stay 2.05, and 3.0 read as a float prints as "3"
        toml::Value::Float(f) => Some(format!("{f}")),
        _ => None,
    }
}

/// `2`, `"2"`, `"Clarity2"`, `"clarity2"`.
pub fn parse_version(text: &str) -> Option<u8> {
    let t = text.trim().to_ascii_lowercase();
    match t.trim_start_matches("clarity") {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        _ => None,
    }
}

/// What a contract's declared epoch and version come to here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    /// Runs as declared.
    Runs,
    /// Clarity 1/2 set to a later epoch: runs at 2.4 (say so once per run).
    RunsAt24 { asked: String },
    /// Needs Clarity 3 or later: not deployed, its tests run on neither runtime.
    Refused(String),
}

/// What ran, what was asked, and what it comes to.
#[derive(Debug, Clone)]
pub struct Settings {
    pub epoch: StacksEpochId,
    pub version: ClarityVersion,
    /// As declared.
    pub asked_epoch: Epoch,
    pub asked_version: u8,
    pub support: Support,
}

impl Settings {
    /// A contract that runs as it is (a test file, at the project's epoch).
    pub fn running(epoch: StacksEpochId, version: ClarityVersion) -> Settings {
        Settings {
            epoch,
            version,
            asked_epoch: Epoch::Known(epoch),
            asked_version: if version == ClarityVersion::Clarity1 {
                1
            } else {
                2
            },
            support: Support::Runs,
        }
    }

    /// As declared, for reports: "epoch 3.0, Clarity 2".
    pub fn declared(&self) -> String {
        format!("epoch {}, Clarity {}", self.asked_epoch, self.asked_version)
    }
}

/// Resolve a declared epoch and version (`None`: not written). Without either, Clarinet
/// uses epoch 2.05 and Clarity 1; with only an epoch, that epoch's default version.
pub fn resolve(epoch: Option<&str>, version: Option<&str>) -> Result<Settings, String> {
    let e = match epoch {
        None => Epoch::Known(StacksEpochId::Epoch2_05),
        Some(t) => Epoch::parse(t).ok_or_else(|| {
            format!("epoch field invalid: {t} (value supported: 2.0, 2.05, 2.1, 2.2, 2.3, 2.4, 2.5, 3.0, 3.1, 3.2, 3.3, latest)")
        })?,
    };
    let v = match version {
        None if epoch.is_none() => 1,
        None => e.default_version(),
        Some(t) => parse_version(t).ok_or_else(|| {
            format!("clarity_version field invalid: {t} (value supported: 1, 2, 3, 4)")
        })?,
    };
    if v > e.default_version() {
        return Err(format!("Clarity {v} can not be used with epoch {e}"));
    }
    let support = if v >= 3 {
        Support::Refused(format!(
            "Clarity {v} (epoch {e}) is beyond the reference runtime (clarity-vm 2.1.1 knows Clarity 1 and 2, epochs 2.0 to 2.4); set clarity_version = 2 to run it at epoch 2.4"
        ))
    } else if let Epoch::Later(t) = &e {
        Support::RunsAt24 { asked: t.clone() }
    } else {
        Support::Runs
    };
    Ok(Settings {
        epoch: e.runs_at(),
        version: if v == 1 {
            ClarityVersion::Clarity1
        } else {
            ClarityVersion::Clarity2
        },
        asked_epoch: e,
        asked_version: v,
        support,
    })
}
