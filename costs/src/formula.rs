//! The formula language of the cost contracts and its exact evaluation.
//!
//! A cost contract builds every dimension of a charge from a uint literal or one of three
//! helpers applied to the input `n`. Evaluation follows Clarity's uint arithmetic (u128,
//! checked, `log2` of zero refused) in the order the interpreter evaluates the helper's
//! body, so the first failure is the one the interpreter reports.

use std::fmt;

/// One dimension of an `ExecutionCost`, named as in the cost tuple.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Runtime,
    WriteLength,
    WriteCount,
    ReadCount,
    ReadLength,
}

impl Dimension {
    /// Every dimension, in the order `DimensionSet` and `CostFormula` index them.
    pub const ALL: [Dimension; 5] = [
        Dimension::Runtime,
        Dimension::WriteLength,
        Dimension::WriteCount,
        Dimension::ReadCount,
        Dimension::ReadLength,
    ];

    /// The key of this dimension in a cost tuple.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Runtime => "runtime",
            Dimension::WriteLength => "write_length",
            Dimension::WriteCount => "write_count",
            Dimension::ReadCount => "read_count",
            Dimension::ReadLength => "read_length",
        }
    }

    /// The dimension whose tuple key is `key`.
    pub fn from_key(key: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.key() == key)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A set of dimensions (a bit per dimension).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DimensionSet(u8);

impl DimensionSet {
    pub const EMPTY: DimensionSet = DimensionSet(0);

    pub fn contains(self, d: Dimension) -> bool {
        self.0 & (1 << d.index()) != 0
    }

    pub fn insert(&mut self, d: Dimension) {
        self.0 |= 1 << d.index();
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether runtime is the only dimension in the set (the common case: a charge that
    /// touches no storage).
    pub fn is_runtime_only(self) -> bool {
        self.0 == 1 << Dimension::Runtime.index()
    }

    pub fn iter(self) -> impl Iterator<Item = Dimension> {
        Dimension::ALL
            .into_iter()
            .filter(move |d| self.contains(*d))
    }
}

/// The shape of one dimension of a cost function, over the input `n`.
///
/// Constants and coefficients are u128 as in the contract; the interpreter truncates the
/// final value to u64 (`as u64`), which [`Formula::charge`] does too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Formula {
    /// A uint literal.
    Const(u128),
    /// `(linear n a b)` = a*n + b.
    Linear { a: u128, b: u128 },
    /// `(logn n a b)` = a*log2(n) + b; log2 is the floor, and fails on 0.
    Logn { a: u128, b: u128 },
    /// `(nlogn n a b)` = a*(n*log2(n)) + b; fails on 0.
    Nlogn { a: u128, b: u128 },
}

/// Why a formula cannot be evaluated: the failing native and its runtime error, as the
/// interpreter raises them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvalError {
    /// `(log2 u0)`.
    Log2OfZero,
    /// A product above u128::MAX.
    MulOverflow,
    /// A sum above u128::MAX.
    AddOverflow,
}

impl EvalError {
    /// The name clarity-vm gives the failing native function (its stack frame is
    /// `_native_:NAME`).
    pub fn native_name(self) -> &'static str {
        match self {
            EvalError::Log2OfZero => "native_log2",
            EvalError::MulOverflow => "native_mul",
            EvalError::AddOverflow => "native_add",
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Log2OfZero => f.write_str("log2 of zero"),
            EvalError::MulOverflow => f.write_str("multiplication overflow"),
            EvalError::AddOverflow => f.write_str("addition overflow"),
        }
    }
}

fn log2(n: u64) -> Result<u128, EvalError> {
    if n == 0 {
        Err(EvalError::Log2OfZero)
    } else {
        Ok(u128::from(n.ilog2()))
    }
}

fn mul(x: u128, y: u128) -> Result<u128, EvalError> {
    x.checked_mul(y).ok_or(EvalError::MulOverflow)
}

fn add(x: u128, y: u128) -> Result<u128, EvalError> {
    x.checked_add(y).ok_or(EvalError::AddOverflow)
}

impl Formula {
    /// The exact uint the contract computes for input `n` (before truncation).
    #[inline]
    pub fn eval(&self, n: u64) -> Result<u128, EvalError> {
        let n128 = u128::from(n);
        match *self {
            Formula::Const(c) => Ok(c),
            Formula::Linear { a, b } => add(mul(a, n128)?, b),
            Formula::Logn { a, b } => add(mul(a, log2(n)?)?, b),
            // n * log2(n) < 2^70 never overflows, but is checked like the interpreter does.
            Formula::Nlogn { a, b } => add(mul(a, mul(n128, log2(n)?)?)?, b),
        }
    }

    /// The charge the tracker records for input `n`: [`Formula::eval`] truncated to u64.
    #[inline]
    pub fn charge(&self, n: u64) -> Result<u64, EvalError> {
        self.eval(n).map(|v| v as u64)
    }

    /// Whether the value does not depend on `n` (then `charge(0)` is the charge).
    pub fn is_const(&self) -> bool {
        matches!(self, Formula::Const(_))
    }

    /// Whether some input may give a non-zero charge. Conservative: `false` means the
    /// charge is zero (or an error) for every input.
    pub fn may_be_nonzero(&self) -> bool {
        match *self {
            Formula::Const(c) => c as u64 != 0,
            Formula::Linear { a, b } | Formula::Logn { a, b } | Formula::Nlogn { a, b } => {
                a != 0 || b != 0
            }
        }
    }

    /// Feeds a canonical encoding of the formula to `h` (see `CostTable::identity`).
    pub(crate) fn hash_into(&self, h: &mut Fnv) {
        let (tag, a, b) = match *self {
            Formula::Const(c) => (0u8, 0, c),
            Formula::Linear { a, b } => (1, a, b),
            Formula::Logn { a, b } => (2, a, b),
            Formula::Nlogn { a, b } => (3, a, b),
        };
        h.write(&[tag]);
        h.write(&a.to_le_bytes());
        h.write(&b.to_le_bytes());
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Formula::Const(c) => write!(f, "{c}"),
            Formula::Linear { a, b } => write!(f, "{a}*n + {b}"),
            Formula::Logn { a, b } => write!(f, "{a}*log2(n) + {b}"),
            Formula::Nlogn { a, b } => write!(f, "{a}*n*log2(n) + {b}"),
        }
    }
}

/// FNV-1a, 64 bits: a stable hash (unlike `DefaultHasher`, identical across builds and
/// processes, so it can be stored in a compiled module).
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluation_matches_clarity_uint_arithmetic() {
        assert_eq!(Formula::Linear { a: 3, b: 4 }.eval(5), Ok(19));
        assert_eq!(Formula::Logn { a: 3, b: 4 }.eval(1), Ok(4));
        assert_eq!(Formula::Logn { a: 3, b: 4 }.eval(9), Ok(13));
        assert_eq!(Formula::Nlogn { a: 2, b: 1 }.eval(8), Ok(49));
        assert_eq!(
            Formula::Logn { a: 3, b: 4 }.eval(0),
            Err(EvalError::Log2OfZero)
        );
        assert_eq!(
            Formula::Linear { a: u128::MAX, b: 0 }.eval(2),
            Err(EvalError::MulOverflow)
        );
        assert_eq!(
            Formula::Linear { a: 1, b: u128::MAX }.eval(1),
            Err(EvalError::AddOverflow)
        );
        // The error of log2 comes before any overflow of the product.
        assert_eq!(
            Formula::Nlogn {
                a: u128::MAX,
                b: u128::MAX
            }
            .eval(0),
            Err(EvalError::Log2OfZero)
        );
    }

    #[test]
    fn charges_truncate_like_the_tracker() {
        let f = Formula::Linear { a: 1000, b: 0 };
        let v = (u128::from(u64::MAX) * 1000) as u64;
        assert_eq!(f.charge(u64::MAX), Ok(v));
        assert!(!Formula::Const(1 << 64).may_be_nonzero());
    }

    #[test]
    fn dimension_sets() {
        let mut s = DimensionSet::EMPTY;
        assert!(s.is_empty());
        s.insert(Dimension::Runtime);
        assert!(s.is_runtime_only());
        s.insert(Dimension::ReadLength);
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            [Dimension::Runtime, Dimension::ReadLength]
        );
    }
}
