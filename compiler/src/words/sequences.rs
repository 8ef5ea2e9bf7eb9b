//! `list` and `len`; and `element-at? slice? concat` on buffers and strings (`on_bytes`).

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::{SequenceSubtype, TypeSignature};
use clarity::vm::SymbolicExpression;
use walrus::ir::{BinaryOp, UnaryOp};
use walrus::ValType;

use crate::abi;
use crate::codegen::{span_error, Builder, CResult, Ctx};

type T = TypeSignature;

pub fn emit(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    args: &[SymbolicExpression],
    e: &SymbolicExpression,
    want: &TypeSignature,
) -> CResult<()> {
    match name {
        "list" => {
            let shape = match want {
                T::SequenceType(SequenceSubtype::ListType(_)) => want.clone(),
                _ => ctx.type_of(e),
            };
            let T::SequenceType(SequenceSubtype::ListType(lt)) = &shape else {
                return Err(span_error(e, "list without a list type"));
            };
            let item = lt.get_list_item_type().clone();
            let size = abi::size(&item);
            let total = (size as usize * args.len()) as i32;
            let base = ctx.module.locals.add(ValType::I32);
            b.i32_const(total).call(ctx.alloc).local_set(base);
            // A special form: the elements evaluated, then charged for their total size.
            let mut sizes = 0u64;
            let mut dynamic = 0;
            for (i, x) in args.iter().enumerate() {
                ctx.emit(b, x, &item)?;
                let locals = ctx.spill(b, &item);
                match Ctx::static_size(&item) {
                    Some(n) => sizes += n,
                    None => {
                        ctx.push_size(b, &item, &locals);
                        if dynamic > 0 {
                            b.binop(BinaryOp::I64Add);
                        }
                        dynamic += 1;
                    }
                }
                Ctx::push_locals(b, &locals);
                ctx.store(b, &item, base, i as u32 * size);
            }
            if dynamic > 0 {
                if sizes > 0 {
                    b.i64_const(sizes as i64).binop(BinaryOp::I64Add);
                }
                ctx.cost_dyn(b, ClarityCostFunction::ListCons);
            } else {
                ctx.cost(ClarityCostFunction::ListCons, sizes);
            }
            let bytes = ctx.module.locals.add(ValType::I32);
            b.i32_const(total).local_set(bytes);
            ctx.push_content_rtype(b, &shape, &[base, bytes], Some(args.len()));
            b.local_get(base).local_get(bytes);
            ctx.coerce(b, &shape, want)
        }
        "len" => {
            let s = args
                .first()
                .ok_or_else(|| span_error(e, "len takes one argument"))?;
            let ty = ctx.type_of(s);
            let (values, uses) = ctx.native_args(b, args, std::slice::from_ref(&ty))?;
            ctx.cost(ClarityCostFunction::Len, 1);
            ctx.mem_release(b, &uses);
            Ctx::push_locals(b, &values[0]);
            let T::SequenceType(seq) = &ty else {
                return Err(span_error(s, "len of a non-sequence"));
            };
            let elem = abi::element_size(seq);
            // ([rtype,] offset, bytes) -> bytes / element size
            let bytes = ctx.module.locals.add(ValType::I32);
            b.local_set(bytes).drop();
            if matches!(seq, SequenceSubtype::ListType(_)) {
                b.drop();
            }
            if elem == 0 {
                b.i32_const(0);
            } else {
                b.local_get(bytes)
                    .i32_const(elem as i32)
                    .binop(BinaryOp::I32DivU);
            }
            b.unop(UnaryOp::I64ExtendUI32).i64_const(0);
            ctx.coerce(b, &T::UIntType, want)
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}

/// `element-at`/`element-at?`, `slice?` and (since epoch 2.05) `concat` on buffers and
/// strings, in Wasm: their arguments are evaluated and charged as for the host path
/// (`natives.rs`), then the result is made here, pointing into the argument's bytes where
/// it can (values are never written in place). Lists keep the host path, which knows
/// their run-time types. Returns false when the word or its type is not one of these.
pub fn on_bytes(
    ctx: &mut Ctx,
    b: &mut Builder,
    name: &str,
    values: &[(T, Vec<walrus::LocalId>)],
    result_ty: &T,
) -> CResult<bool> {
    use ClarityCostFunction as C;
    let Some((seq_ty, seq)) = values.first() else {
        return Ok(false);
    };
    // Bytes per element in memory form, and the element size the interpreter charges by.
    let (width, element_size) = match seq_ty {
        T::SequenceType(SequenceSubtype::BufferType(_)) => (1, T::min_buffer().size()),
        T::SequenceType(SequenceSubtype::StringType(clarity::vm::types::StringSubtype::ASCII(
            _,
        ))) => (1, T::min_string_ascii().size()),
        T::SequenceType(SequenceSubtype::StringType(clarity::vm::types::StringSubtype::UTF8(
            _,
        ))) => (4, T::min_string_utf8().size()),
        _ => return Ok(false),
    };
    let (off, len) = (seq[0], seq[1]);
    // Elements in the sequence, as an i64.
    let count = |b: &mut Builder| {
        b.local_get(len)
            .i32_const(width)
            .binop(BinaryOp::I32DivU)
            .unop(UnaryOp::I64ExtendUI32);
    };
    let result_bt = ctx.block_type(result_ty);
    match name {
        "element-at" | "element-at?" => {
            let (lo, hi) = (values[1].1[0], values[1].1[1]);
            b.local_get(hi).unop(UnaryOp::I64Eqz).local_get(lo);
            count(b);
            b.binop(BinaryOp::I64LtU).binop(BinaryOp::I32And);
            ctx.flush(b);
            let found = ctx.branch(b, result_bt, |_, s| {
                s.i32_const(1)
                    .local_get(off)
                    .local_get(lo)
                    .unop(UnaryOp::I32WrapI64)
                    .i32_const(width)
                    .binop(BinaryOp::I32Mul)
                    .binop(BinaryOp::I32Add)
                    .i32_const(width);
                Ok(())
            })?;
            let none = ctx.branch(b, result_bt, |_, s| {
                s.i32_const(0).i32_const(0).i32_const(0);
                Ok(())
            })?;
            b.instr(walrus::ir::IfElse {
                consequent: found,
                alternative: none,
            });
        }
        "slice?" => {
            let (l, lh) = (values[1].1[0], values[1].1[1]);
            let (r, rh) = (values[2].1[0], values[2].1[1]);
            // Both positions fit in a u32, left < count, right <= count, left <= right.
            let fits = |b: &mut Builder, lo, hi| {
                b.local_get(hi)
                    .unop(UnaryOp::I64Eqz)
                    .local_get(lo)
                    .i64_const(u32::MAX as i64)
                    .binop(BinaryOp::I64LeU)
                    .binop(BinaryOp::I32And);
            };
            fits(b, l, lh);
            fits(b, r, rh);
            b.binop(BinaryOp::I32And).local_get(l);
            count(b);
            b.binop(BinaryOp::I64LtU)
                .binop(BinaryOp::I32And)
                .local_get(r);
            count(b);
            b.binop(BinaryOp::I64LeU)
                .binop(BinaryOp::I32And)
                .local_get(l)
                .local_get(r)
                .binop(BinaryOp::I64LeU)
                .binop(BinaryOp::I32And);
            ctx.flush(b);
            let sliced = ctx.branch(b, result_bt, |ctx, s| {
                // Charged by the slice's size: its elements times the element size.
                s.local_get(r)
                    .local_get(l)
                    .binop(BinaryOp::I64Sub)
                    .i64_const(element_size as i64)
                    .binop(BinaryOp::I64Mul);
                ctx.cost_dyn(s, C::Slice);
                s.i32_const(1)
                    .local_get(off)
                    .local_get(l)
                    .unop(UnaryOp::I32WrapI64)
                    .i32_const(width)
                    .binop(BinaryOp::I32Mul)
                    .binop(BinaryOp::I32Add)
                    .local_get(r)
                    .local_get(l)
                    .binop(BinaryOp::I64Sub)
                    .unop(UnaryOp::I32WrapI64)
                    .i32_const(width)
                    .binop(BinaryOp::I32Mul);
                Ok(())
            })?;
            let none = ctx.branch(b, result_bt, |_, s| {
                s.i32_const(0).i32_const(0).i32_const(0);
                Ok(())
            })?;
            b.instr(walrus::ir::IfElse {
                consequent: sliced,
                alternative: none,
            });
        }
        "concat" if ctx.epoch >= clarity::types::StacksEpochId::Epoch2_05 => {
            let (off2, len2) = (values[1].1[0], values[1].1[1]);
            // Charged by the total number of elements.
            b.local_get(len)
                .local_get(len2)
                .binop(BinaryOp::I32Add)
                .i32_const(width)
                .binop(BinaryOp::I32DivU)
                .unop(UnaryOp::I64ExtendUI32);
            ctx.cost_dyn(b, C::Concat);
            let base = ctx.module.locals.add(ValType::I32);
            b.local_get(len)
                .local_get(len2)
                .binop(BinaryOp::I32Add)
                .call(ctx.alloc)
                .local_tee(base)
                .local_get(off)
                .local_get(len)
                .memory_copy(ctx.memory, ctx.memory)
                .local_get(base)
                .local_get(len)
                .binop(BinaryOp::I32Add)
                .local_get(off2)
                .local_get(len2)
                .memory_copy(ctx.memory, ctx.memory)
                .local_get(base)
                .local_get(len)
                .local_get(len2)
                .binop(BinaryOp::I32Add);
        }
        _ => return Ok(false),
    }
    Ok(true)
}
