#!/usr/bin/env python3
"""Regenerate compiler/COVERAGE.md from the sources: for each word clarity-vm knows, the
compiler file and host file that name it and a differential test that uses it. From the
repository root:

  cargo test -q -p clarinet-wasm-tests --test coverage -- --ignored --nocapture word_list \
    | grep -E '^[FVD] ' > /tmp/words.txt
  python3 scripts/coverage_table.py /tmp/words.txt

then review the diff. The `coverage` test checks the table."""
import glob, re, subprocess, sys

names_file = sys.argv[1] if len(sys.argv) > 1 else None
words = [l.split(' ', 1) for l in open(names_file).read().split('\n') if l.strip()]
comp = sorted(glob.glob('compiler/src/words/*.rs')) + ['compiler/src/codegen.rs']
host = sorted(glob.glob('runtime/src/wasm/host/*.rs')) + ['runtime/src/wasm/define.rs']
tests = sorted(glob.glob('tests/tests/*.rs'))
prefer = {
    'sequences.rs': 'sequence_words.rs', 'conversions.rs': 'conversion_words.rs',
    'principals.rs': 'principal_words.rs', 'assets.rs': 'asset_words.rs',
    'crypto.rs': 'crypto_words.rs', 'blocks.rs': 'natives.rs', 'context.rs': 'chain_words.rs',
    'arithmetic.rs': 'arithmetic.rs', 'bits.rs': 'bit_words.rs', 'compare.rs': 'logic.rs',
    'boolean.rs': 'logic.rs', 'control.rs': 'control.rs', 'options.rs': 'control.rs',
    'data.rs': 'contracts.rs', 'tuples.rs': 'values.rs', 'higher_order.rs': 'higher_order.rs',
    'print.rs': 'contracts.rs', 'calls.rs': 'traits.rs', 'chain.rs': 'chain_words.rs',
    'define.rs': 'traits.rs', 'codegen.rs': 'contracts.rs',
}
def names(f, w):
    t = open(f).read()
    return f'"{w}"' in t or f'`{w}`' in t
def uses(f, w):
    return re.search(r'''[(\s"']''' + re.escape(w) + r'[\s)]', open(f).read()) is not None
kinds = {'F': 'native', 'V': 'keyword', 'D': 'definition'}
out = ['# Coverage: every Clarity 1 and 2 word, compiled', '',
       'Each word clarity-vm 2.1.1 knows, where the compiler implements it, the host file',
       '(Rust over the memory form) when one takes part, and a differential test that runs',
       'it on both runtimes, costs included. `—`: no host function is named after the word',
       '(it is Wasm, or uses the shared host helpers). `tests/tests/coverage.rs` checks this',
       'table against clarity-vm\'s own lists; `scripts/coverage_table.py` regenerates it.', '',
       '| Word | Kind | Compiler | Host | Differential test |', '|---|---|---|---|---|']
missing = []
mod_rs = open('compiler/src/words/mod.rs').read()
def dispatch_family(w):
    """The family file the dispatch in words/mod.rs sends `w` to."""
    for arm in re.findall(r'((?:"[^"]+"\s*\|?\s*)+)=>\s*(?:\{\s*)?(\w+)::', mod_rs):
        if f'"{w}"' in arm[0]:
            return f'compiler/src/words/{arm[1]}.rs'
    return None
def host_arm(f, w):
    t = open(f).read()
    return re.search(r'"' + re.escape(w) + r'"\s*(=>|\|)', t) is not None
special_host = {'contract-call?': 'runtime/src/wasm/host/calls.rs',
                'contract-of': 'runtime/src/wasm/host/calls.rs',
                'at-block': 'runtime/src/wasm/host/context.rs'}
for k, w in words:
    fam = dispatch_family(w)
    if k == 'D':
        c = ['compiler/src/codegen.rs']
    elif k == 'V':
        c = ['compiler/src/words/chain.rs']
    elif fam and names(fam, w):
        c = [fam]
    elif fam:
        c = ['compiler/src/words/mod.rs']
    else:
        c = [f for f in ['compiler/src/words/natives.rs'] if names(f, w)]
    if w in special_host:
        h = [special_host[w]]
    elif k == 'D':
        h = ['runtime/src/wasm/define.rs'] if w in ('define-map', 'define-non-fungible-token',
            'define-trait', 'use-trait', 'impl-trait', 'define-public', 'define-read-only',
            'define-private') else []
    else:
        h = [f for f in host if host_arm(f, w) or (k == 'V' and names(f, w))]
    t = [f for f in tests if uses(f, w)]
    if not c or not t:
        missing.append(w)
        continue
    key = (h or c)[0].split('/')[-1]
    want = 'tests/tests/' + prefer.get(key, '')
    test = want if want in t else t[0]
    out.append(f'| `{w}` | {kinds[k]} | `{c[0]}` | {("`"+h[0]+"`") if h else "—"} | `{test}` |')
open('compiler/COVERAGE.md', 'w').write('\n'.join(out) + '\n')
print('missing:', missing)
