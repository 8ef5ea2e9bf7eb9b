//! `list` and `len`.

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
