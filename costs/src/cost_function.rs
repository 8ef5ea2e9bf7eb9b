//! One cost function: a formula per dimension, and what the interpreter's call stack looks
//! like when one of them fails (the tracker's error message prints it).

use clarity::vm::costs::ExecutionCost;
use clarity::vm::errors::RuntimeErrorType;

use crate::formula::{Dimension, DimensionSet, EvalError, Fnv, Formula};

/// The translation of one `cost_*` function of a cost contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostFormula {
    /// Indexed by `Dimension`.
    dims: [Formula; 5],
    /// The order in which the function's body evaluates the dimensions (the tuple's
    /// source order); the first failing one is the error.
    order: [Dimension; 5],
    frames: Frames,
}

/// The names the interpreter's stack trace shows, kept only to render errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Frames {
    /// `ADDRESS.contract.function`, as the tracker names the function.
    pub(crate) reference: String,
    /// `ADDRESS.contract:function`, the function's stack frame.
    pub(crate) function_frame: String,
    /// The body is a tuple literal (the `tuple` special form is on the stack while its
    /// fields are evaluated), rather than a call of the `runtime` helper.
    pub(crate) in_tuple: bool,
    /// Per dimension, the frame of the helper that computes it (None for a literal).
    pub(crate) helpers: [Option<String>; 5],
}

/// A dimension of a cost function failed to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostFormulaError {
    pub dimension: Dimension,
    pub error: EvalError,
}

impl CostFormula {
    pub(crate) fn new(dims: [Formula; 5], order: [Dimension; 5], frames: Frames) -> CostFormula {
        CostFormula {
            dims,
            order,
            frames,
        }
    }

    /// The formula of one dimension.
    pub fn dimension(&self, d: Dimension) -> &Formula {
        &self.dims[d.index()]
    }

    /// The dimensions in the order the function evaluates them.
    pub fn evaluation_order(&self) -> [Dimension; 5] {
        self.order
    }

    /// `ADDRESS.contract.function`: where the function is defined.
    pub fn reference(&self) -> &str {
        &self.frames.reference
    }

    /// The dimensions some input may charge (conservative, see `Formula::may_be_nonzero`).
    pub fn nonzero_dimensions(&self) -> DimensionSet {
        let mut set = DimensionSet::EMPTY;
        for d in Dimension::ALL {
            if self.dimension(d).may_be_nonzero() {
                set.insert(d);
            }
        }
        set
    }

    /// Whether no dimension depends on the input.
    pub fn is_const(&self) -> bool {
        self.dims.iter().all(Formula::is_const)
    }

    /// The charge for input `n`, as the tracker computes it; no allocation.
    #[inline]
    pub fn eval(&self, n: u64) -> Result<ExecutionCost, CostFormulaError> {
        let mut v = [0u64; 5];
        for d in self.order {
            v[d.index()] = self.dims[d.index()]
                .charge(n)
                .map_err(|error| CostFormulaError {
                    dimension: d,
                    error,
                })?;
        }
        Ok(ExecutionCost {
            runtime: v[Dimension::Runtime.index()],
            write_length: v[Dimension::WriteLength.index()],
            write_count: v[Dimension::WriteCount.index()],
            read_count: v[Dimension::ReadCount.index()],
            read_length: v[Dimension::ReadLength.index()],
        })
    }

    /// The text clarity-vm's `Error` displays for this failure: the runtime error, then
    /// the call stack at the failing native (function, `tuple` form, helper, native).
    pub(crate) fn render_error(&self, e: CostFormulaError) -> String {
        let runtime_error = match e.error {
            EvalError::Log2OfZero => {
                RuntimeErrorType::Arithmetic("log2 must be passed a positive integer".into())
            }
            EvalError::MulOverflow | EvalError::AddOverflow => RuntimeErrorType::ArithmeticOverflow,
        };
        let mut s = format!("{runtime_error}\n Stack Trace: \n");
        s.push_str(&self.frames.function_frame);
        s.push('\n');
        if self.frames.in_tuple {
            s.push_str("_native_:special_tuple\n");
        }
        if let Some(helper) = &self.frames.helpers[e.dimension.index()] {
            s.push_str(helper);
            s.push('\n');
        }
        s.push_str("_native_:");
        s.push_str(e.error.native_name());
        s.push('\n');
        s
    }

    pub(crate) fn hash_into(&self, h: &mut Fnv) {
        for f in &self.dims {
            f.hash_into(h);
        }
        h.write(&self.order.map(|d| d as u8));
    }
}
