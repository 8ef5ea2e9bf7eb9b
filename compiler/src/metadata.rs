//! What the runtime needs to know about a compiled module besides its bytes.

use clarity::vm::costs::cost_functions::ClarityCostFunction;
use clarity::vm::types::TypeSignature;

/// One step of a batch of charges known when compiling (see `meter.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChargeItem {
    Cost(ClarityCostFunction, u64),
    MemAdd(u64),
    MemDrop(u64),
}

#[derive(Clone, Debug)]
pub struct Compiled {
    pub wasm: Vec<u8>,
    pub meta: Metadata,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    Public,
    ReadOnly,
    Private,
}

impl FunctionKind {
    /// As Clarity's `define-` forms name it.
    pub fn as_str(self) -> &'static str {
        match self {
            FunctionKind::Public => "public",
            FunctionKind::ReadOnly => "read-only",
            FunctionKind::Private => "private",
        }
    }
}

#[derive(Clone, Debug)]
pub struct FunctionMeta {
    pub name: String,
    pub kind: FunctionKind,
    /// The export name: the Clarity name for public and read-only functions,
    /// `.private.<name>` for private ones.
    pub export: String,
    pub args: Vec<(String, TypeSignature)>,
    pub returns: TypeSignature,
    /// Byte range of the function's body in the module (code section entry).
    pub code_range: (usize, usize),
}

/// What each top-level expression of the contract is, in evaluation order.
#[derive(Clone, Debug)]
pub enum TopLevel {
    /// `define-constant`: the export evaluates the value, of type `ty`.
    Constant {
        name: String,
        export: String,
        ty: TypeSignature,
        slot: usize,
    },
    /// `define-data-var`: the export evaluates the initial value, of the var's type.
    DataVar {
        name: String,
        export: String,
        ty: TypeSignature,
    },
    /// A plain expression, evaluated for effect.
    Expr { export: String, ty: TypeSignature },
    /// `define-fungible-token`: the export, if any, evaluates the total supply (`uint`).
    FungibleToken {
        name: String,
        supply: Option<String>,
    },
    /// A definition with nothing to evaluate: the runtime reads its names and types from
    /// the expression, charging their parsing as the interpreter does.
    Define(DefineKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefineKind {
    Function,
    Map,
    NonFungibleToken,
    Trait,
    UseTrait,
    ImplTrait,
}

#[derive(Clone, Debug)]
pub struct ConstantMeta {
    pub name: String,
    pub ty: TypeSignature,
    /// Address of the constant's memory form.
    pub address: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Metadata {
    /// Types referred to by id in host calls.
    pub types: Vec<TypeSignature>,
    /// Names (data vars, maps) referred to by id in host calls.
    pub names: Vec<String>,
    pub functions: Vec<FunctionMeta>,
    pub top_level: Vec<TopLevel>,
    pub constants: Vec<ConstantMeta>,
    /// First free address after static data; the heap starts here.
    pub heap_start: u32,
    /// Types that values get statically as their rtype (see `abi`): the runtime interns
    /// each and writes its id, as a `u32`, at `rtype_table + 4 * index`.
    pub rtypes: Vec<TypeSignature>,
    pub rtype_table: u32,
    /// Batches of charges, by id (see `meter.rs`).
    pub batches: Vec<Vec<ChargeItem>>,
    /// Identity of the cost table the charges were summed with.
    pub cost_table: u64,
}

impl Metadata {
    pub fn function(&self, name: &str) -> Option<&FunctionMeta> {
        self.functions.iter().find(|f| f.name == name)
    }
}

/// A compile failure at a source position (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for CompileError {}
