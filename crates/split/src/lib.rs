//! Splits a wasm module in two: the **primary** module keeps the functions a first visit runs
//! (the *hot* ones) and the page starts from it; the **secondary** module holds every other
//! function (the *cold* ones) and is fetched once the page is interactive.
//!
//! The split changes no reference in the primary: a cold function stays in the primary as a
//! *stub* of the same type, whose body first makes sure the secondary is loaded (one shared
//! function calls the import `__split.load` while the global export `__split_loaded` is 0),
//! then calls the real
//! body through the table `__split_table`, at the cold function's slot. The secondary imports
//! everything it shares with the primary (memory, tables, globals, the hot functions its code
//! calls) from the import namespace `__primary`, which the loader fills with the primary's
//! exports; its functions imported from JavaScript keep their module and names. Instantiating
//! it writes its functions into `__split_table` (an active element segment): from then on a
//! cold function costs a call and an indirect call more. Nothing else changes: the primary's
//! own table entries, exports and direct calls still name the same functions.
//!
//! Which functions are cold is read from the function names of the input's `name` section
//! (the build keeps it until here): [`normalize`]d names listed in the profile (one per line,
//! written by `scripts/split-profile.mjs` from a headless session with an instrumented build,
//! see [`instrument`]). A function the profile does not name stays hot, so code added since the
//! profile was made can only make the primary bigger, never make a first visit wait for the
//! secondary. Neither output keeps the name section.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use walrus::ir::{self, Visitor};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionId, FunctionKind, GlobalKind,
    ImportKind, ImportedFunction, Module, ModuleConfig, RefType, ValType,
};

/// The import module of the secondary through which it reaches the primary's exports.
pub const PRIMARY: &str = "__primary";

/// A function name without the crate disambiguators of Rust's v0 symbol names
/// (`aliansi_app[7d5f0717a1904c7b]::app::App` → `aliansi_app::app::App`), which change with
/// the build's flags and versions while the name stays.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `wasm` parsed (with its names); the module will be written with them only if `keep_names`.
fn parse(wasm: &[u8], keep_names: bool) -> Result<Module, String> {
    let mut config = ModuleConfig::new();
    config
        .generate_name_section(keep_names)
        .generate_producers_section(false);
    config
        .parse(wasm)
        .map_err(|e| format!("the wasm does not parse: {e}"))
}

fn emit(mut m: Module) -> Vec<u8> {
    m.emit_wasm()
}

/// The name under which the primary exports an item the secondary imports (`kind`: f for a
/// function, m memory, t table, g global; `index`: its place in the input, in base 62).
fn shared_name(kind: char, index: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut digits = Vec::new();
    let mut n = index;
    loop {
        digits.push(DIGITS[n % DIGITS.len()]);
        n /= DIGITS.len();
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    format!(
        "${kind}{}",
        String::from_utf8(digits).expect("ASCII digits")
    )
}

/// The normalized name of every local function, in the module's order (`None`: no name).
fn local_names(m: &Module) -> Vec<(FunctionId, Option<String>)> {
    m.funcs
        .iter_local()
        .map(|(id, _)| (id, m.funcs.get(id).name.as_deref().map(normalize)))
        .collect()
}

/// The profile build: every local function, on entry, sets an exported global `__hit<k>` to 1
/// (k: its place among the local functions). Returns the module and, for each k, the function's
/// normalized name (empty when it has none). The page reads the globals after a session. It
/// also exports `__split_loaded` (0), as a split build does.
pub fn instrument(wasm: &[u8]) -> Result<(Vec<u8>, Vec<String>), String> {
    let mut m = parse(wasm, false)?;
    let names = local_names(&m);
    for (k, (id, _)) in names.iter().enumerate() {
        let g = m.globals.add_local(
            ValType::I32,
            true,
            false,
            ConstExpr::Value(ir::Value::I32(0)),
        );
        m.exports.add(&format!("__hit{k}"), g);
        let f = m.funcs.get_mut(*id).kind.unwrap_local_mut();
        let entry = f.entry_block();
        let mut b = f.builder_mut().instr_seq(entry);
        b.instr_at(0, ir::GlobalSet { global: g });
        b.instr_at(
            0,
            ir::Const {
                value: ir::Value::I32(1),
            },
        );
    }
    // As in a split build, the app waits for its second part (src/components/deferred.rs) until
    // this global is 1: the profile marks what a first visit runs before it sets it.
    let loaded = m.globals.add_local(
        ValType::I32,
        true,
        false,
        ConstExpr::Value(ir::Value::I32(0)),
    );
    m.exports.add("__split_loaded", loaded);
    let names = names
        .into_iter()
        .map(|(_, n)| n.unwrap_or_default())
        .collect();
    Ok((emit(m), names))
}

/// The two halves, and what went where.
pub struct Split {
    pub primary: Vec<u8>,
    pub secondary: Vec<u8>,
    /// Local functions in all, and how many moved to the secondary.
    pub functions: usize,
    pub cold: usize,
}

/// Every function and data segment a function body refers to.
#[derive(Default)]
struct Refs {
    funcs: BTreeSet<FunctionId>,
    data: bool,
}
impl<'a> Visitor<'a> for Refs {
    fn visit_function_id(&mut self, f: &FunctionId) {
        self.funcs.insert(*f);
    }
    fn visit_data_id(&mut self, _: &walrus::DataId) {
        self.data = true;
    }
}

/// Splits `wasm` (with its name section) by the profile's cold names. A module whose cold
/// functions would be none gives an error, as does one whose cold code uses passive data
/// segments (`memory.init`; rustc's output has none without threads).
pub fn split(wasm: &[u8], cold_names: &HashSet<String>) -> Result<Split, String> {
    split_with(wasm, cold_names, false)
}

/// [`split`], keeping the function names in both halves when `keep_names` (for debugging: a
/// browser's stack traces then name the functions).
pub fn split_with(
    wasm: &[u8],
    cold_names: &HashSet<String>,
    keep_names: bool,
) -> Result<Split, String> {
    let mut primary = parse(wasm, keep_names)?;
    let mut secondary = parse(wasm, keep_names)?;
    let names = local_names(&primary);
    let functions = names.len();
    // The cold functions, in the module's order: their slot in __split_table.
    let cold: Vec<FunctionId> = names
        .iter()
        .filter(|(_, n)| n.as_ref().is_some_and(|n| cold_names.contains(n)))
        .map(|(id, _)| *id)
        .collect();
    if cold.is_empty() {
        return Err("the profile names none of this wasm's functions: nothing to split".into());
    }
    let cold_set: HashSet<FunctionId> = cold.iter().copied().collect();
    // What the cold bodies call (or take a reference to) among the primary's functions.
    let mut refs = Refs::default();
    for id in &cold {
        let f = primary.funcs.get(*id).kind.unwrap_local();
        ir::dfs_in_order(&mut refs, f, f.entry_block());
    }
    if refs.data {
        return Err(
            "a cold function uses a data segment (memory.init or data.drop): not supported".into(),
        );
    }
    let needed: Vec<FunctionId> = refs
        .funcs
        .iter()
        .copied()
        .filter(|f| {
            !cold_set.contains(f) && matches!(primary.funcs.get(*f).kind, FunctionKind::Local(_))
        })
        .collect();

    // --- the primary --------------------------------------------------------------------------
    let mut shared = BTreeMap::new(); // export name -> item, for the secondary's imports
    for f in &needed {
        shared.insert(shared_name('f', f.index()), ExportItem::Function(*f));
    }
    for mem in primary.memories.iter() {
        shared.insert(
            shared_name('m', mem.id().index()),
            ExportItem::Memory(mem.id()),
        );
    }
    for t in primary.tables.iter() {
        shared.insert(shared_name('t', t.id().index()), ExportItem::Table(t.id()));
    }
    for g in primary.globals.iter() {
        shared.insert(shared_name('g', g.id().index()), ExportItem::Global(g.id()));
    }
    for (name, item) in &shared {
        primary.exports.add(name, *item);
    }
    let slots = cold.len() as u64;
    let table = primary
        .tables
        .add_local(false, slots, Some(slots), RefType::FUNCREF);
    primary.exports.add("__split_table", table);
    let loaded = primary.globals.add_local(
        ValType::I32,
        true,
        false,
        ConstExpr::Value(ir::Value::I32(0)),
    );
    primary.exports.add("__split_loaded", loaded);
    let load_ty = primary.types.add(&[], &[]);
    let (load, _) = primary.add_import_func("__split", "load", load_ty);
    // One function checks for the secondary (and loads it), called by every stub.
    let mut check = walrus::FunctionBuilder::new(&mut primary.types, &[], &[]);
    check
        .func_body()
        .global_get(loaded)
        .unop(ir::UnaryOp::I32Eqz)
        .if_else(
            None,
            |then| {
                then.call(load);
            },
            |_| {},
        );
    let ensure = check.finish(vec![], &mut primary.funcs);
    for (slot, id) in cold.iter().enumerate() {
        let ty = primary.funcs.get(*id).ty();
        let f = primary.funcs.get_mut(*id).kind.unwrap_local_mut();
        let args = f.args.clone();
        let b = f.builder_mut();
        b.func_body().instrs_mut().clear();
        let mut body = b.func_body();
        body.call(ensure);
        for a in args {
            body.local_get(a);
        }
        body.i32_const(slot as i32).call_indirect(ty, table);
    }
    walrus::passes::gc::run(&mut primary);

    // --- the secondary ------------------------------------------------------------------------
    // (Both parses give each item the same index, but ids belong to their own module.)
    let cold_indices: HashSet<usize> = cold.iter().map(|f| f.index()).collect();
    let ids: Vec<FunctionId> = secondary.funcs.iter_local().map(|(id, _)| id).collect();
    let cold: Vec<FunctionId> = ids
        .iter()
        .copied()
        .filter(|id| cold_indices.contains(&id.index()))
        .collect();
    for id in ids {
        if cold_indices.contains(&id.index()) {
            continue;
        }
        let ty = secondary.funcs.get(id).ty();
        let import = secondary.imports.add(
            PRIMARY,
            &shared_name('f', id.index()),
            ImportKind::Function(id),
        );
        secondary.funcs.get_mut(id).kind = FunctionKind::Import(ImportedFunction { import, ty });
    }
    let data: Vec<_> = secondary.data.iter().map(|d| d.id()).collect();
    for d in data {
        secondary.data.delete(d);
    }
    let elements: Vec<_> = secondary.elements.iter().map(|e| e.id()).collect();
    for e in elements {
        secondary.elements.delete(e);
    }
    let mems: Vec<_> = secondary.memories.iter().map(|m| m.id()).collect();
    for id in mems {
        if secondary.memories.get(id).import.is_none() {
            let import = secondary.imports.add(
                PRIMARY,
                &shared_name('m', id.index()),
                ImportKind::Memory(id),
            );
            let mem = secondary.memories.get_mut(id);
            mem.import = Some(import);
            mem.data_segments.clear();
        }
    }
    let tables: Vec<_> = secondary.tables.iter().map(|t| t.id()).collect();
    for id in tables {
        if secondary.tables.get(id).import.is_none() {
            let import = secondary.imports.add(
                PRIMARY,
                &shared_name('t', id.index()),
                ImportKind::Table(id),
            );
            let t = secondary.tables.get_mut(id);
            t.import = Some(import);
            t.elem_segments.clear();
            t.init = None;
        }
    }
    let globals: Vec<_> = secondary.globals.iter().map(|g| g.id()).collect();
    for id in globals {
        if matches!(secondary.globals.get(id).kind, GlobalKind::Local(_)) {
            let import = secondary.imports.add(
                PRIMARY,
                &shared_name('g', id.index()),
                ImportKind::Global(id),
            );
            secondary.globals.get_mut(id).kind = GlobalKind::Import(import);
        }
    }
    let exports: Vec<_> = secondary.exports.iter().map(|e| e.id()).collect();
    for e in exports {
        secondary.exports.delete(e);
    }
    secondary.start = None;
    let (split_table, _) = secondary.add_import_table(
        PRIMARY,
        "__split_table",
        false,
        slots,
        Some(slots),
        RefType::FUNCREF,
    );
    let segment = secondary.elements.add(
        ElementKind::Active {
            table: split_table,
            offset: ConstExpr::Value(ir::Value::I32(0)),
        },
        ElementItems::Functions(cold.clone()),
    );
    secondary
        .tables
        .get_mut(split_table)
        .elem_segments
        .insert(segment);
    walrus::passes::gc::run(&mut secondary);
    // The secondary's imports from the primary must be exports of it.
    for i in secondary.imports.iter() {
        if i.module == PRIMARY && i.name != "__split_table" && !shared.contains_key(&i.name) {
            return Err(format!(
                "the secondary imports {} which the primary does not export",
                i.name
            ));
        }
    }
    Ok(Split {
        primary: emit(primary),
        secondary: emit(secondary),
        functions,
        cold: cold.len(),
    })
}
