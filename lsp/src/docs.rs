//! The reference of Clarity's natives, define forms and keywords: clarity-vm's own docs,
//! for hover, completion and signature help.

use std::sync::OnceLock;

use clarity::vm::docs::{make_api_reference, make_define_reference, make_keyword_reference};
use clarity::vm::functions::define::DefineFunctions;
use clarity::vm::functions::NativeFunctions;
use clarity::vm::variables::NativeVariables;
use clarity::vm::ClarityVersion;

pub struct Doc {
    pub name: String,
    /// `(name arg ...)` for a function, the name for a keyword.
    pub signature: String,
    pub input: String,
    pub output: String,
    pub description: String,
    pub example: String,
    pub keyword: bool,
}

impl Doc {
    pub fn markdown(&self) -> String {
        let mut s = format!("```clarity\n{}\n```\n", self.signature);
        if !self.input.is_empty() {
            s += &format!("**input:** `{}`\n\n", self.input);
        }
        s += &format!("**output:** `{}`\n\n{}\n", self.output, self.description);
        if !self.example.is_empty() {
            s += &format!("\n```clarity\n{}\n```\n", self.example.trim_end());
        }
        s
    }
}

/// The doc of a native function, define form or keyword available at `version`.
pub fn lookup(name: &str, version: ClarityVersion) -> Option<Doc> {
    if let Some(f) = NativeFunctions::lookup_by_name_at_version(name, &version) {
        return Some(function_doc(make_api_reference(&f)));
    }
    if let Some(d) = DefineFunctions::lookup_by_name(name) {
        return Some(function_doc(make_define_reference(&d)));
    }
    let k = NativeVariables::lookup_by_name_at_version(name, &version)?;
    let api = make_keyword_reference(&k)?;
    Some(Doc {
        name: api.name.to_string(),
        signature: api.name.to_string(),
        input: String::new(),
        output: api.output_type.to_string(),
        description: api.description.to_string(),
        example: api.example.to_string(),
        keyword: true,
    })
}

fn function_doc(api: clarity::vm::docs::FunctionAPI) -> Doc {
    Doc {
        name: api.name,
        signature: api.signature,
        input: api.input_type,
        output: api.output_type,
        description: api.description,
        example: api.example,
        keyword: false,
    }
}

/// Every name `lookup` knows at `version`, made once (completion asks at every word).
pub fn all(version: ClarityVersion) -> &'static [Doc] {
    static CLARITY1: OnceLock<Vec<Doc>> = OnceLock::new();
    static CLARITY2: OnceLock<Vec<Doc>> = OnceLock::new();
    let cell = match version {
        ClarityVersion::Clarity1 => &CLARITY1,
        ClarityVersion::Clarity2 => &CLARITY2,
    };
    cell.get_or_init(|| {
        let names = NativeFunctions::ALL
            .iter()
            .map(|f| f.get_name())
            .chain(DefineFunctions::ALL.iter().map(|d| d.get_name()))
            .chain(NativeVariables::ALL.iter().map(|v| v.get_name()));
        names.filter_map(|n| lookup(&n, version)).collect()
    })
}
