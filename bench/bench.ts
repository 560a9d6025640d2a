/**
 * npm run bench: build-issue against the engine it wraps, on this machine,
 * side by side in one run. It prints figures and ratios; it asserts nothing
 * (timing is never a test). BENCH_RUNS (default 3) sets how many times each
 * single measurement is repeated; the median is shown. The growth
 * measurement takes at least 9 runs: its ratio compares differences of
 * medians, which this machine's noise moves most (0.66 to 1.41 at 5 runs).
 *
 *   1. build-issue 453, one cold process, against stock pagedjs-cli on the
 *      same HTML (--keep-html) and against the floor: Chromium printing
 *      that HTML with no Paged.js at all.
 *   2. 20 copies of 453 in one run against 20 single-issue runs.
 *   3. 453 with its body 1×, 2×, 4× (--no-pad, so each is laid out once):
 *      does time grow linearly with pages? Each in a cold process, and each
 *      in one run after a first issue and after one of its own length
 *      (without the start-up's noise).
 *   4. Peak memory of the whole process tree during the 20-issue run.
 *   5. The size of dist/453.pdf.
 *   6. Start-up: `build-issue --version`, and `build-issue 453` when 453 is
 *      unchanged (skipped), each in a process of its own, at least 10 times.
 *   7. Save to pages: build-issue preview 453, from saving a one-paragraph
 *      edit to the new pages drawn in a browser, against a cold
 *      `build-issue 453` in turns with it (save-to-pages.ts).
 *
 * With BENCH_BASELINE=<commit>, 1 and 2 also measure build-issue as it was
 * at that commit, in turns with the code at hand (baseline.ts).
 */
import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT } from '../test/helpers/build.js';
import { parseSummary } from '../test/helpers/issues.js';
import { scratchDir } from '../test/helpers/scratch.js';
import { type Baseline, checkOutBaseline } from './baseline.js';
import { repeatBody, same, workspaceOf } from './corpus.js';
import { type Measured, measure, median } from './measure.js';
import { saveToPages } from './save-to-pages.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GROWTH_RUNS = Math.max(RUNS, 9);
/** Each warm run gives two figures for each length; a whole number of rounds of the three orders. */
const WARM_RUNS = 3 * Math.ceil(Math.max(RUNS, 3) / 3);
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const PAGEDJS_CLI = path.join(ROOT, 'node_modules', 'pagedjs-cli', 'src', 'cli.js');

function checked(run: Measured, what: string): Measured {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}):\n${run.stderr}`);
  return run;
}

interface Repeated {
  /** Median wall time. */
  seconds: number;
  /** Median CPU time of the process tree: steadier than wall time when others share the machine. */
  cpu: number;
  runs: Measured[];
}

/**
 * Runs each command RUNS times, taking turns so that a change in the
 * machine's load falls on all of them alike, and starting each round with
 * the next one (a b c, b c a, c a b …): a run right after the heaviest one
 * was measured slower (the 16-page build after the 62-page one by a tenth).
 * The median wall time of each, and its runs.
 */
async function inTurns(commands: Record<string, () => Promise<Measured>>, times = RUNS): Promise<Record<string, Repeated>> {
  const runs: Record<string, Measured[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const order = Object.entries(commands);
  for (let i = 0; i < times; i++) {
    for (const [name, run] of [...order.slice(i % order.length), ...order.slice(0, i % order.length)])
      runs[name]!.push(checked(await run(), name));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      { seconds: median(list.map((r) => r.seconds)), cpu: median(list.map((r) => r.cpuSeconds)), runs: list },
    ]),
  );
}

const buildIssue = (cwd: string, args: string[], memory = false, bin = BIN) => measure(process.execPath, [bin, ...args], { cwd, memory });
/** The baseline's run of the same command, if there is a baseline: taken in turns with the code at hand. */
const baselineRun = (baseline: Baseline | undefined, name: string, cwd: string, args: string[]) =>
  baseline ? { [name]: () => buildIssue(cwd, args, false, baseline.bin) } : {};
/** The baseline's figures beside this code's, and the ratio of the two. */
const baselineLine = (baseline: Baseline | undefined, figures: Repeated | undefined, ours: Repeated) =>
  baseline && figures
    ? `   build-issue at ${baseline.name.padEnd(24)}${both(figures)}; this code / it = ${ratio(ours.seconds, figures.seconds)} (CPU ${ratio(ours.cpu, figures.cpu)})`
    : undefined;
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const both = (r: Repeated) => `${s(r.seconds)} (CPU ${s(r.cpu)})`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function machine(): string {
  const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${chromium}; load average at start ${load}`;
}

async function singleIssue(baseline: Baseline | undefined): Promise<{ dir: string }> {
  const dir = await workspaceOf({ 453: same });
  checked(await buildIssue(dir, ['453', '--keep-html', '--force']), 'warm-up build'); // fills the font caches, writes dist/453.html
  const html = path.join(dir, 'dist', '453.html');
  const scratch = await scratchDir('bench-');

  const { ours, paged, floor, base } = (await inTurns({
    ours: () => buildIssue(dir, ['453', '--force']),
    ...baselineRun(baseline, 'base', dir, ['453', '--force']),
    paged: () =>
      measure(process.execPath, [PAGEDJS_CLI, html, '-o', path.join(scratch, 'pagedjs-cli.pdf'), '--browserArgs', '--no-sandbox'], {
        cwd: dir,
        // pagedjs-cli leaves its Chromium's profile and socket folder behind: in the bench's scratch folder, removed with it.
        env: { PUPPETEER_EXECUTABLE_PATH: CHROMIUM, TMPDIR: scratch },
      }),
    floor: () =>
      measure(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-pdf-header-footer',
          `--print-to-pdf=${path.join(scratch, 'floor.pdf')}`,
          pathToFileURL(html).href,
        ],
        { cwd: dir },
      ),
  })) as Record<'ours' | 'paged' | 'floor', Repeated> & { base?: Repeated };
  // The size and the start-up are measured on this code's dist/453.pdf, which the baseline's last run replaced.
  if (baseline) checked(await buildIssue(dir, ['453', '--force']), 'build-issue 453 after the baseline');
  console.log('\n1. One issue, one cold process (median of %d; wall time, and CPU time of the process tree)', RUNS);
  console.log(`   build-issue 453                        ${both(ours)}`);
  console.log(`   pagedjs-cli on the same HTML           ${both(paged)}`);
  console.log(`   chromium --print-to-pdf, no Paged.js   ${both(floor)}`);
  const baseLine = baselineLine(baseline, base, ours);
  if (baseLine) console.log(baseLine);
  console.log(
    `   build-issue/pagedjs-cli = ${ratio(ours.seconds, paged.seconds)} (CPU ${ratio(ours.cpu, paged.cpu)}); target ≤ 0.6×: ${verdict(ours.seconds <= 0.6 * paged.seconds)}`,
  );
  console.log(
    `   build-issue/floor       = ${ratio(ours.seconds, floor.seconds)} (CPU ${ratio(ours.cpu, floor.cpu)}); target ≤ 1.2×: ${verdict(ours.seconds <= 1.2 * floor.seconds)}`,
  );
  return { dir };
}

async function twentyIssues(baseline: Baseline | undefined): Promise<void> {
  const serials = Array.from({ length: 20 }, (_, k) => String(1001 + k));
  const dir = await workspaceOf(Object.fromEntries(serials.map((serial) => [serial, same])));
  const { batch, base } = (await inTurns({
    batch: () => buildIssue(dir, ['1001-1020', '--force']),
    ...baselineRun(baseline, 'base', dir, ['1001-1020', '--force']),
  })) as Record<'batch', Repeated> & { base?: Repeated };
  const separate = { seconds: 0, cpu: 0 };
  for (const serial of serials) {
    const run = checked(await buildIssue(dir, [serial, '--force']), `build-issue ${serial}`);
    separate.seconds += run.seconds;
    separate.cpu += run.cpuSeconds;
  }
  // Memory in a run of its own: sampling it slows the run it samples.
  const peak = checked(await buildIssue(dir, ['1001-1020', '--force'], true), 'build-issue 1001-1020');
  console.log(`\n2. 20 copies of 453 (--jobs default: ${cpus().length})`);
  console.log(
    `   one run                                ${both(batch)} = ${s(batch.seconds / 20)} per issue (target ≤ 0.6 s: ${verdict(batch.seconds / 20 <= 0.6)})`,
  );
  const baseLine = baselineLine(baseline, base, batch);
  if (baseLine) console.log(`${baseLine} (${s((base?.seconds ?? 0) / 20)} per issue)`);
  console.log(
    `   20 single-issue runs                   ${s(separate.seconds)} (CPU ${s(separate.cpu)}) = ${s(separate.seconds / 20)} per issue`,
  );
  console.log(`   one run/20 runs = ${ratio(batch.seconds, separate.seconds)} (CPU ${ratio(batch.cpu, separate.cpu)})`);
  console.log('\n4. Peak memory of the 20-issue run, process tree with Chromium');
  console.log(
    `   ${peak.peakPssMiB.toFixed(0)} MiB PSS (sum of RSS, counting shared pages again: ${peak.peakRssMiB.toFixed(0)} MiB) (target < 1 GB: ${verdict(peak.peakPssMiB * 2 ** 20 < 1e9)})`,
  );
}

/** Ratio of the seconds per added page from 2× to 4× to those from 1× to 2×: 1 is linear. */
function growthLine(name: string, pages: [number, number, number], seconds: [number, number, number]): string {
  const first = (seconds[1] - seconds[0]) / (pages[1] - pages[0]);
  const second = (seconds[2] - seconds[1]) / (pages[2] - pages[1]);
  const r = second / first;
  return `   ${name} seconds per added page: ${first.toFixed(3)} (1×→2×), ${second.toFixed(3)} (2×→4×); ratio ${r.toFixed(2)} (1 is linear; target linear or better, ≤ 1.25: ${verdict(r <= 1.25)})`;
}

async function growth(): Promise<void> {
  const times = [1, 2, 4] as const;
  // For the warm runs, three sets of copies: a first issue (1×), then three copies of each
  // length, in the order of their serials, which is the order a run builds them; the
  // lengths take turns from set to set.
  const rotations = times.map((_, r) => [...times.slice(r), ...times.slice(0, r)]);
  const warmSerial = (r: number, k: number) => String(3000 + 100 * r + k);
  const warmOrder = (r: number) => [1, ...rotations[r]!.flatMap((n) => [n, n, n])];
  const warmCopies = rotations.flatMap((_, r) => warmOrder(r).map((n, k) => [warmSerial(r, k), n]));
  const dir = await workspaceOf(
    Object.fromEntries(
      [...times.map((n) => [String(2000 + n), n]), ...warmCopies].map(([serial, n]) => [String(serial), repeatBody(Number(n))]),
    ),
  );
  // --no-pad: an issue whose pages do not come to a multiple of 4 is laid out twice (see Print shop), which would hide how one layout grows.
  const cold = await inTurns(
    Object.fromEntries(times.map((n) => [`453 × ${n}`, () => buildIssue(dir, [String(2000 + n), '--force', '--json', '--no-pad'])])),
    GROWTH_RUNS,
  );
  // Warm: one run builds a first issue (the browser starts, the code warms up), then the
  // copies one at a time; each one's own seconds from the --json summary. No start-up in
  // them, which makes most of a cold run's noise. An issue also pays for collecting what
  // the one before it left in the page, so only the second and third copy of each length
  // are counted: each follows one of its own length, as in a run of many such issues.
  // (Counted after whichever came before, the 16-page issue came twice of three times
  // after the 62-page one and paid for its garbage: the ratio came out from 1.02 to 1.73.)
  const warm = new Map<number, number[]>();
  for (let i = 0; i < WARM_RUNS; i++) {
    const r = i % rotations.length;
    const order = warmOrder(r);
    const serials = order.map((_, k) => warmSerial(r, k));
    const run = checked(await buildIssue(dir, [...serials, '--jobs', '1', '--force', '--json', '--no-pad']), 'growth, warm');
    for (const issue of parseSummary(run.stdout).issues) {
      const k = serials.indexOf(issue.serial);
      if (k > 1 && order[k - 1] === order[k]) warm.set(order[k]!, [...(warm.get(order[k]!) ?? []), issue.seconds]);
    }
  }
  const pages = times.map((n) => parseSummary(cold[`453 × ${n}`]!.runs[0]!.stdout).issues[0]!.pages ?? NaN) as [number, number, number];
  const three = (of: (n: (typeof times)[number]) => number) => times.map(of) as [number, number, number];
  const coldWall = three((n) => cold[`453 × ${n}`]!.seconds);
  const coldCpu = three((n) => cold[`453 × ${n}`]!.cpu);
  const warmWall = three((n) => median(warm.get(n)!));

  console.log('\n3. Growth with length (--no-pad: one layout each; medians of %d)', GROWTH_RUNS);
  console.log('   one cold process each (wall, and CPU of the process tree):');
  for (const [i, n] of times.entries()) {
    console.log(`   body × ${n}   ${String(pages[i]).padStart(3)} pages   ${s(coldWall[i]!)} (CPU ${s(coldCpu[i]!)})`);
  }
  console.log(growthLine('wall', pages, coldWall));
  console.log(growthLine('CPU', pages, coldCpu));
  console.log(
    '   in one run, after a first issue, one at a time, each after one of its own length (the seconds of each issue, from --json):',
  );
  for (const [i, n] of times.entries()) console.log(`   body × ${n}   ${String(pages[i]).padStart(3)} pages   ${s(warmWall[i]!)}`);
  console.log(growthLine('warm', pages, warmWall));
}

async function size(dir: string): Promise<void> {
  const bytes = (await stat(path.join(dir, 'dist', '453.pdf'))).size;
  console.log('\n5. Size');
  console.log(`   dist/453.pdf                           ${(bytes / 1024).toFixed(0)} KiB (target < 1 MB: ${verdict(bytes < 1e6)})`);
}

/** Start-up, from a process's start to its end, where no issue is laid out; the 453 built by singleIssue is up to date. */
async function startUp(dir: string): Promise<void> {
  const runs = Math.max(RUNS, 10);
  const { version, skipped } = (await inTurns(
    { version: () => buildIssue(dir, ['--version']), skipped: () => buildIssue(dir, ['453']) },
    runs,
  )) as Record<'version' | 'skipped', Repeated>;
  if (!skipped.runs.every((run) => /skipped/.test(run.stdout))) throw new Error('build-issue 453 was not skipped');
  console.log('\n6. Start-up (median of %d, in turns)', runs);
  console.log(`   build-issue --version                  ${both(version)}`);
  console.log(`   build-issue 453, unchanged (skipped)   ${both(skipped)}`);
}

async function editorsLoop(): Promise<void> {
  const r = await saveToPages(RUNS, (dir) => buildIssue(dir, ['453', '--force']));
  console.log(
    '\n7. Save to pages: build-issue preview 453, a one-paragraph edit saved until its pages are drawn in the browser (median of %d)',
    RUNS,
  );
  console.log(`   edit in characters the issue has        ${s(r.known)} (the build itself ${s(r.knownBuild)})`);
  console.log(`   edit bringing new characters            ${s(r.novel)} (the build itself ${s(r.novelBuild)})`);
  console.log(`   build-issue 453, cold, in turns with them ${s(r.cold)}`);
  const worst = Math.max(r.known, r.novel);
  console.log(
    `   save-to-pages/cold build = ${ratio(r.known, r.cold)} and ${ratio(r.novel, r.cold)} (target ≤ 0.33×: ${verdict(worst <= r.cold / 3)})`,
  );
}

const baseline = await checkOutBaseline(process.env.BENCH_BASELINE);
console.log(`build-issue benchmark — ${machine()}${baseline ? `; baseline: build-issue at ${baseline.name}, in turns` : ''}`);
const { dir } = await singleIssue(baseline);
await twentyIssues(baseline);
await growth();
await size(dir);
await startUp(dir);
await editorsLoop();
