//! `+ - * / mod pow sqrti log2 to-int to-uint` on 128-bit integers.
//!
//! These are plain native functions in the interpreter: every argument is evaluated
//! (and its memory accounted) before anything else, so an error in a later argument wins
//! over an overflow between earlier ones; then the word's cost, for the number of
//! arguments. `+`, `-` and the comparisons of `compare.rs` run in the module (`inline`:
//! i64 halves with carry and overflow checks, the host's function only raising the
//! error); the other checked operations are host calls that reproduce the interpreter's
//! errors exactly.

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

/// Test-only: keep `+ - <` and friends as host calls (the runtime's fault injection
/// perturbs the host's `add`, and must see every addition).
pub static HOST_ARITHMETIC: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// A function of the module in place of the host's `add-`, `sub-` or `cmp-` `int`/`uint`
/// (same signature): two i64 halves per operand, computed inline; on overflow it calls
/// the host's own function, which raises the interpreter's error.
pub fn inline(ctx: &mut Ctx, name: &'static str) -> Option<walrus::FunctionId> {
    use walrus::ir::BinaryOp as Op;
    use walrus::ValType::{I32, I64};
    let (op, signed) = match name {
        "add-int" => ("add", true),
        "add-uint" => ("add", false),
        "sub-int" => ("sub", true),
        "sub-uint" => ("sub", false),
        "cmp-int" => ("cmp", true),
        "cmp-uint" => ("cmp", false),
        _ => return None,
    };
    let results: &[walrus::ValType] = if op == "cmp" { &[I32] } else { &[I64, I64] };
    let slow = (op != "cmp").then(|| ctx.host_import(name));
    let m = &mut ctx.module;
    let [al, ah, bl, bh] = [(); 4].map(|_| m.locals.add(I64));
    let (lo, hi) = (m.locals.add(I64), m.locals.add(I64));
    let mut f = walrus::FunctionBuilder::new(&mut m.types, &[I64, I64, I64, I64], results);
    let mut body = f.func_body();
    match op {
        "cmp" => {
            // -1, 0 or 1: the high halves decide (signed for int), else the low halves.
            let (gt, lt) = if signed {
                (Op::I64GtS, Op::I64LtS)
            } else {
                (Op::I64GtU, Op::I64LtU)
            };
            body.local_get(ah).local_get(bh).binop(Op::I64Ne).if_else(
                I32,
                |t| {
                    t.local_get(ah).local_get(bh).binop(gt);
                    t.local_get(ah).local_get(bh).binop(lt);
                    t.binop(Op::I32Sub);
                },
                |e| {
                    e.local_get(al).local_get(bl).binop(Op::I64GtU);
                    e.local_get(al).local_get(bl).binop(Op::I64LtU);
                    e.binop(Op::I32Sub);
                },
            );
        }
        _ => {
            let add = op == "add";
            let wrap = if add { Op::I64Add } else { Op::I64Sub };
            // lo = al ± bl; the carry (borrow) is lo < al (al < bl).
            body.local_get(al).local_get(bl).binop(wrap).local_set(lo);
            body.local_get(ah).local_get(bh).binop(wrap);
            if add {
                body.local_get(lo).local_get(al).binop(Op::I64LtU);
            } else {
                body.local_get(al).local_get(bl).binop(Op::I64LtU);
            }
            body.unop(walrus::ir::UnaryOp::I64ExtendUI32)
                .binop(wrap)
                .local_set(hi);
            // Overflow: for int, the result's sign differs from what the operands allow;
            // for uint, the 128-bit result wrapped (compared as (hi, lo) pairs).
            if signed {
                // add: (ah ^ hi) & (bh ^ hi) < 0; sub: (ah ^ bh) & (ah ^ hi) < 0.
                body.local_get(ah)
                    .local_get(if add { hi } else { bh })
                    .binop(Op::I64Xor);
                if add {
                    body.local_get(bh).local_get(hi).binop(Op::I64Xor);
                } else {
                    body.local_get(ah).local_get(hi).binop(Op::I64Xor);
                }
                body.binop(Op::I64And).i64_const(0).binop(Op::I64LtS);
            } else {
                // add: (hi, lo) < (ah, al); sub: (ah, al) < (bh, bl).
                let (x, xl, y, yl) = if add {
                    (hi, lo, ah, al)
                } else {
                    (ah, al, bh, bl)
                };
                body.local_get(x).local_get(y).binop(Op::I64LtU);
                body.local_get(x).local_get(y).binop(Op::I64Eq);
                body.local_get(xl).local_get(yl).binop(Op::I64LtU);
                body.binop(Op::I32And).binop(Op::I32Or);
            }
            let slow = slow.expect("add and sub have a host function");
            body.if_else(
                None,
                |t| {
                    t.local_get(al)
                        .local_get(ah)
                        .local_get(bl)
                        .local_get(bh)
                        .call(slow)
                        .return_();
                },
                |_| {},
            );
            body.local_get(lo).local_get(hi);
        }
    }
    Some(f.finish(vec![al, ah, bl, bh], &mut m.funcs))
}
