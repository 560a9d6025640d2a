/**
 * Runs a list of corpus cases and asserts each: its one line with its rule
 * and place, nothing raw printed, none of its files changed, nothing left.
 * Cases that touch only their own issue are built together in one run
 * (each its own serial, 7001 + k); the others run alone.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type CaseRun, issueFile, type Project, project, RAW, runCase, SERIAL } from './corpus.js';

export interface BadCase {
  name: string;
  /** Sets the case up; `serial` is its own issue, short and valid until then. */
  setup?: (p: Project, serial: string) => Promise<void>;
  /** Runs alone, with this command line (ISSUE and SERIAL in it name its issue); otherwise its issue is built with the others. */
  alone?: string[];
  env?: NodeJS.ProcessEnv;
  /** The rule id the one line names. */
  rule: string;
  /** Where it points, ISSUE and SERIAL standing for its issue (`ISSUE:5`), PROJECT for the project's folder; a column may follow. */
  at: string;
  /** Exit code when alone; default 1. */
  code?: number;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const named = (text: string, serial: string, dir = '') =>
  text.replaceAll('ISSUE', issueFile(serial)).replaceAll('SERIAL', serial).replaceAll('PROJECT', dir);

interface Outcome {
  run: CaseRun;
  serial: string;
  dir: string;
  /** Its own files: its issue's folder and its PDF. */
  own: (file: string) => boolean;
}

/** Runs the cases: those of one issue in one run, the others alone, `parallel` runs at once. */
export function corpus(title: string, cases: readonly BadCase[], parallel = 2): void {
  describe(title, () => {
    const outcomes = new Map<string, Outcome>();
    before(async () => {
      const jobs: (() => Promise<void>)[] = [];
      const together = cases.filter((c) => !c.alone);
      if (together.length > 0) {
        jobs.push(async () => {
          const p = await project();
          const serials = together.map((_, k) => String(Number(SERIAL) + k));
          for (const [k, c] of together.entries()) {
            if (serials[k] !== SERIAL) await p.addIssue(serials[k]!);
            await c.setup?.(p, serials[k]!);
          }
          const run = await runCase(p, [...serials, '--json'], {});
          for (const [k, c] of together.entries()) {
            outcomes.set(c.name, {
              run,
              serial: serials[k]!,
              dir: p.dir,
              own: (f) => f.startsWith(`issues/${serials[k]}/`) || f.startsWith(`dist/${serials[k]}.pdf`),
            });
          }
        });
      }
      for (const c of cases.filter((c) => c.alone)) {
        jobs.push(async () => {
          const p = await project();
          await c.setup?.(p, SERIAL);
          const run = await runCase(
            p,
            c.alone!.map((arg) => named(arg, SERIAL, p.dir)),
            c.env && Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, v && named(v, SERIAL, p.dir)])),
          );
          outcomes.set(c.name, { run, serial: SERIAL, dir: p.dir, own: () => true });
        });
      }
      const worker = async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      };
      await Promise.all(Array.from({ length: parallel }, worker));
    });

    for (const c of cases) {
      test(`${c.name}: ${c.rule}`, () => {
        const { run, serial, dir, own } = outcomes.get(c.name)!;
        const printed = `${run.stdout}${run.stderr}`;
        assert.notEqual(run.code, -1, `the run hung:\n${printed}`);
        assert.equal(run.code, c.alone ? (c.code ?? 1) : 1, printed);
        const line = new RegExp(`^${escaped(named(c.at, serial, dir))}(:\\d+)? (warning )?${escaped(c.rule)} \\S.*$`, 'm');
        assert.match(run.stderr, line, `no line with the rule at its place in:\n${run.stderr}`);
        if (!c.alone)
          assert.match(run.stdout, new RegExp(`"serial": "${serial}",\\s*"status": "failed"`), 'the issue was not reported as failed');
        assert.doesNotMatch(printed, RAW, 'raw exception text was printed');
        assert.deepEqual(run.changed.filter(own), [], 'an input or the earlier PDF changed');
        assert.deepEqual(run.leftRunning, [], 'processes were left running');
        assert.deepEqual(run.leftInTmp, [], 'files were left in the temporary folder');
      });
    }
  });
}
