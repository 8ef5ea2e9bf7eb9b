//! A compiled module as Wasm text (the console's `::wat`, the language server's
//! `clarinet-wasm/wat`): the whole module, or one function's code.

use crate::Compiled;

impl Compiled {
    /// The module in the Wasm text format.
    pub fn wat(&self) -> Result<String, String> {
        wasmprinter::print_bytes(&self.wasm).map_err(|e| format!("cannot print the module: {e}"))
    }

    /// The code of Clarity function `name`, in the Wasm text format.
    pub fn function_wat(&self, name: &str) -> Result<String, String> {
        let f = self
            .meta
            .function(name)
            .ok_or_else(|| format!("no function {name} in the module"))?;
        function_text(&self.wat()?, &f.export)
            .ok_or_else(|| format!("{name} is not in the printed module"))
    }
}

/// The `(func ...)` of the function exported as `export`, cut from the printed module
/// (wasmprinter prints each function from `  (func (;N;)` to the next top-level field).
fn function_text(module: &str, export: &str) -> Option<String> {
    let marker = format!("(export \"{export}\" (func ");
    let line = module.lines().find(|l| l.contains(&marker))?;
    let index: String = line
        .split(&marker)
        .nth(1)?
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let head = format!("  (func (;{index};)");
    let mut out = String::new();
    let mut inside = false;
    for l in module.lines() {
        if inside && l.starts_with("  (") {
            break;
        }
        if l.starts_with(&head) {
            inside = true;
        }
        if inside {
            out.push_str(l);
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_function_is_cut_from_the_module_text() {
        let module = "(module\n  (export \"get-x\" (func 5))\n  (func (;5;) (type 0)\n    i32.const 1\n    drop)\n  (func (;6;) (type 0)\n    nop)\n)";
        assert_eq!(
            super::function_text(module, "get-x").as_deref(),
            Some("  (func (;5;) (type 0)\n    i32.const 1\n    drop)\n")
        );
        assert_eq!(super::function_text(module, "nope"), None);
    }
}
