//! `+ - * / mod pow sqrti log2 to-int to-uint` on 128-bit integers.
//!
//! These are plain native functions in the interpreter: every argument is evaluated
//! (and its memory accounted) before anything else, so an error in a later argument wins
//! over an overflow between earlier ones; then the word's cost, for the number of
//! arguments. Checked operations are host calls that reproduce the interpreter's errors
//! exactly.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

use crate::codegen::{span_error, Builder, CResult, Ctx};
use crate::types::is_int;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    if args.is_empty() {
        return Err(span_error(e, format!("{name} needs arguments")));
    }
    let arg_ty = ctx.type_of(&args[0]);
    let signed = is_int(&arg_ty);
    let sfx = |i: &'static str, u: &'static str| if signed { i } else { u };
    let result_ty = match name {
        "to-int" => TypeSignature::IntType,
        "to-uint" => TypeSignature::UIntType,
        _ => arg_ty.clone(),
    };
    let (vals, uses) = ctx.native_args(b, args, &vec![arg_ty.clone(); args.len()])?;
    ctx.cost(cost_function(name), args.len() as u64);
    ctx.flush(b);
    Ctx::push_locals(b, &vals[0]);
    match name {
        "-" if args.len() == 1 => {
            let f = ctx.import(sfx("neg-int", "neg-uint"));
            b.call(f);
        }
        "sqrti" | "log2" | "to-int" | "to-uint" => {
            let f = ctx.import(match name {
                "sqrti" => sfx("sqrti-int", "sqrti-uint"),
                "log2" => sfx("log2-int", "log2-uint"),
                "to-int" => "to-int",
                _ => "to-uint",
            });
            b.call(f);
        }
        _ => {
            let f = ctx.import(match name {
                "+" => sfx("add-int", "add-uint"),
                "-" => sfx("sub-int", "sub-uint"),
                "*" => sfx("mul-int", "mul-uint"),
                "/" => sfx("div-int", "div-uint"),
                "mod" => sfx("mod-int", "mod-uint"),
                _ => sfx("pow-int", "pow-uint"),
            });
            for v in &vals[1..] {
                Ctx::push_locals(b, v);
                b.call(f);
            }
        }
    }
    ctx.mem_release(b, &uses);
    ctx.coerce(b, &result_ty, want)
}

fn cost_function(name: &str) -> ClarityCostFunction {
    use ClarityCostFunction as C;
    match name {
        "+" => C::Add,
        "-" => C::Sub,
        "*" => C::Mul,
        "/" => C::Div,
        "mod" => C::Mod,
        "pow" => C::Pow,
        "sqrti" => C::Sqrti,
        "log2" => C::Log2,
        _ => C::IntCast,
    }
}
