// The clarinet-sdk peer of `clarinet-wasm bench`: times the same Clarity calls through
// @stacks/clarinet-sdk (the simnet users run) and prints one JSON document on stdout.
//
//   node peer.mjs SPEC.json   run the spec (its shape: see the bench command's Rust side)
//   node peer.mjs --version   print the installed @stacks/clarinet-sdk version
//
// Any failure prints one line on stderr and exits 1.

import { readFileSync, writeSync } from "node:fs";

// stdout must carry exactly one JSON document, but the SDK (and its wasm, through
// console.log) prints chatter such as "Updated deployment plan file". Route every write
// to stdout onto stderr, and keep the real stdout writer for the final document.
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

// writeSync: process.exit right after a stream write could drop it (pipes are async on macOS).
function fail(message) {
  writeSync(2, `clarinet-sdk peer: ${message}\n`);
  process.exit(1);
}

// One line, whatever was thrown (the wasm side throws plain strings too).
function describe(e) {
  return String(e?.message ?? e).split("\n")[0];
}

// The package's `exports` map hides its package.json from import/require, so read it from
// the node_modules folder that `npm ci` in this directory creates.
function sdkVersion() {
  const path = new URL("./node_modules/@stacks/clarinet-sdk/package.json", import.meta.url);
  try {
    return JSON.parse(readFileSync(path, "utf8")).version;
  } catch {
    fail("@stacks/clarinet-sdk is not installed: run `npm ci` in bench/clarinet-sdk");
  }
}

function readSpec(path) {
  let spec;
  try {
    spec = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    fail(`cannot read spec ${path}: ${describe(e)}`);
  }
  const count = (v) => Number.isInteger(v) && v >= 0;
  if (!count(spec.warmup) || !count(spec.calls) || spec.calls < 1)
    fail("spec: `warmup` must be >= 0 and `calls` >= 1 (integers)");
  if (typeof spec.track_costs !== "boolean") fail("spec: `track_costs` must be a boolean");
  if (!Array.isArray(spec.cases)) fail("spec: `cases` must be an array");
  const runs = spec.warmup + spec.calls;
  for (const c of spec.cases) {
    const name = c?.name;
    if (typeof name !== "string") fail("spec: every case needs a `name`");
    if (typeof c.manifest !== "string") fail(`case ${name}: \`manifest\` must be a path`);
    if (c.kind !== "call" && c.kind !== "deploy") fail(`case ${name}: unknown kind ${c.kind}`);
    if (!Array.isArray(c.senders) || (c.senders.length !== 1 && c.senders.length !== runs))
      fail(`case ${name}: \`senders\` must hold 1 or warmup+calls (${runs}) addresses`);
  }
  return spec;
}

if (process.argv[2] === "--version") {
  writeSync(1, `${sdkVersion()}\n`);
  process.exit(0);
}
if (!process.argv[2]) fail("usage: node peer.mjs SPEC.json | --version");

const version = sdkVersion();
const spec = readSpec(process.argv[2]);

// Imported here rather than at the top so that a missing package is a one-line error.
let initSimnet, hexToCV, cvToHex;
try {
  ({ initSimnet } = await import("@stacks/clarinet-sdk"));
  ({ hexToCV, cvToHex } = await import("@stacks/transactions"));
} catch (e) {
  fail(`cannot load the SDK: ${describe(e)}`);
}

// Each case gets a fresh simnet from its own project (as each gets a fresh chain on our
// side), then its accounts funded. mintSTX is not wrapped by the SDK's proxy: it falls
// through to the wasm SDK's own mintSTX(recipient, amount: bigint), which credits the
// account without a transaction.
let simnet;
async function freshSimnet(c) {
  try {
    simnet = await initSimnet(c.manifest, true, {
      trackCosts: spec.track_costs,
      trackCoverage: false,
    });
  } catch (e) {
    fail(`initSimnet(${c.manifest}) failed: ${describe(e)}`);
  }
  // A project without contracts starts at epoch 2.05, where Clarity 2 cannot deploy.
  if (c.epoch) simnet.setEpoch(c.epoch);
  for (const { to, amount } of c.mint_stx ?? []) {
    try {
      simnet.mintSTX(to, BigInt(amount));
    } catch (e) {
      fail(`mintSTX(${to}, ${amount}) failed: ${describe(e)}`);
    }
  }
}

// The SDK's cost report is null when metering is off; report the transaction's totals.
function cost(costs) {
  const t = costs?.total;
  if (!t) return null;
  return {
    runtime: t.runtime,
    read_count: t.readCount,
    read_length: t.readLength,
    write_count: t.writeCount,
    write_length: t.writeLength,
  };
}

function runCase(c) {
  const runs = spec.warmup + spec.calls;
  // Calls made once before timing (e.g. a stack-stx before get-stacker-info).
  for (const s of c.setup ?? []) {
    const r = simnet.callPublicFn(s.contract, s.function, (s.args ?? []).map((hex) => hexToCV(hex)), s.sender);
    if (r.result?.type !== "ok") fail(`case ${c.name}: setup call ${s.function} answered ${cvToHex(r.result)}`);
  }
  // Decoded once, outside the timed region: the bench times the call, not our hex parsing.
  const args = c.kind === "call" ? (c.args ?? []).map((hex) => hexToCV(hex)) : null;
  const call = c.read_only ? "callReadOnlyFn" : "callPublicFn";
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const sender = c.senders.length === 1 ? c.senders[0] : c.senders[i];
    const start = process.hrtime.bigint();
    last =
      c.kind === "call"
        ? simnet[call](c.contract, c.function, args, sender)
        : simnet.deployContract(`${c.name_prefix}-${i}`, c.source, { clarityVersion: 2 }, sender);
    const elapsed = process.hrtime.bigint() - start;
    if (i >= spec.warmup) times.push(Number(elapsed) / 1000);
  }
  times.sort((a, b) => a - b);
  const result = last?.result;
  return {
    calls: times.length,
    median_us: times[Math.floor(times.length / 2)],
    min_us: times[0],
    max_us: times[times.length - 1],
    // Every SDK call returns a parsed ClarityValue (an object with a `type`), deploys too.
    result: result && typeof result === "object" && "type" in result ? cvToHex(result) : null,
    cost: cost(last?.costs),
  };
}

const cases = {};
for (const c of spec.cases) {
  await freshSimnet(c);
  try {
    cases[c.name] = runCase(c);
  } catch (e) {
    fail(`case ${c.name} failed: ${describe(e)}`);
  }
}

writeStdout(JSON.stringify({ sdk_version: version, track_costs: spec.track_costs, cases }) + "\n");
