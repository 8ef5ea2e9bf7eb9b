//! Persisted data: `var-get var-set map-get? map-set map-insert map-delete`. Values cross
//! to the host in memory form, typed by the declared var or map types. These are special
//! forms: their arguments are evaluated without memory accounting, and the host makes
//! their charges (which depend on what the database holds).

use clarity::vm::types::TypeSignature;
use clarity::vm::SymbolicExpression;

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
    let target = args
        .first()
        .and_then(|a| a.match_atom())
        .ok_or_else(|| span_error(e, format!("{name}: expected a name")))?;
    let target = target.to_string();
    let name_id = ctx.name_id(&target);
    match name {
        "var-get" => {
            let ty = ctx.var_type(&target, e)?;
            let type_id = ctx.type_id(&ty);
            let dest = ctx.alloc_local(b, abi::size(&ty));
            b.i32_const(name_id).i32_const(type_id).local_get(dest);
            ctx.call_host(b, "var-get");
            ctx.load(b, &ty, dest, 0);
            ctx.coerce(b, &ty, want)
        }
        "var-set" => {
            let ty = ctx.var_type(&target, e)?;
            let v = args
                .get(1)
                .ok_or_else(|| span_error(e, "var-set: missing value"))?;
            ctx.emit(b, v, &ty)?;
            let src = ctx.to_memory(b, &ty);
            let type_id = ctx.type_id(&ty);
            b.i32_const(name_id).i32_const(type_id).local_get(src);
            ctx.call_host(b, "var-set");
            b.i32_const(1);
            ctx.coerce(b, &T::BoolType, want)
        }
        "map-get?" => {
            let (kt, vt) = ctx.map_types(&target, e)?;
            let k = args
                .get(1)
                .ok_or_else(|| span_error(e, "map-get?: missing key"))?;
            ctx.emit(b, k, &kt)?;
            let kp = ctx.to_memory(b, &kt);
            let out_ty = T::OptionalType(Box::new(vt));
            let dest = ctx.alloc_local(b, abi::size(&out_ty));
            let (kid, oid) = (ctx.type_id(&kt), ctx.type_id(&out_ty));
            b.i32_const(name_id)
                .i32_const(kid)
                .local_get(kp)
                .i32_const(oid)
                .local_get(dest);
            ctx.call_host(b, "map-get");
            ctx.load(b, &out_ty, dest, 0);
            ctx.coerce(b, &out_ty, want)
        }
        "map-set" | "map-insert" => {
            let (kt, vt) = ctx.map_types(&target, e)?;
            let [_, k, v] = args else {
                return Err(span_error(e, format!("{name} takes three arguments")));
            };
            // Key first, then value, as the interpreter evaluates them.
            ctx.emit(b, k, &kt)?;
            let kp = ctx.to_memory(b, &kt);
            ctx.emit(b, v, &vt)?;
            let vp = ctx.to_memory(b, &vt);
            let (kid, vid) = (ctx.type_id(&kt), ctx.type_id(&vt));
            b.i32_const(name_id)
                .i32_const(kid)
                .local_get(kp)
                .i32_const(vid)
                .local_get(vp);
            ctx.call_host(
                b,
                if name == "map-set" {
                    "map-set"
                } else {
                    "map-insert"
                },
            );
            ctx.coerce(b, &T::BoolType, want)
        }
        "map-delete" => {
            let (kt, _) = ctx.map_types(&target, e)?;
            let k = args
                .get(1)
                .ok_or_else(|| span_error(e, "map-delete: missing key"))?;
            ctx.emit(b, k, &kt)?;
            let kp = ctx.to_memory(b, &kt);
            let kid = ctx.type_id(&kt);
            b.i32_const(name_id).i32_const(kid).local_get(kp);
            ctx.call_host(b, "map-delete");
            ctx.coerce(b, &T::BoolType, want)
        }
        _ => Err(span_error(e, format!("unexpected word {name}"))),
    }
}
