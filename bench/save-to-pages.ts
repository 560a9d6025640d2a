/**
 * Save to pages: how long an editor waits, with build-issue preview running,
 * from saving a one-paragraph edit of 453 to its new pages drawn in the
 * browser, against a cold `build-issue 453` measured in turns with it.
 * Two kinds of edit: one whose characters are all in the issue already, and
 * one that brings characters new to it (its fonts are subset again: the new
 * characters are drawn at random, so that no earlier run left the subset in
 * the cache).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { PreviewState } from '../src/preview/state.js';
import { startBrowser } from '../test/helpers/chromium.js';
import { getJson, type RunningPreview, startPreview } from '../test/helpers/preview.js';
import { same, workspaceOf } from './corpus.js';
import { type Measured, median } from './measure.js';

const PARAGRAPH = '中央宣传部、中央组织部近日联合印发';
/** Common characters; those not in 453 make an edit's new characters. */
const POOL =
  '猫狗鸭鹅桥船帆雪梅兰竹菊松柏杨柳桃李杏枣梨橘橙柚莓瓜豆麦稻粟茶酒醋糖灯烛镜梳伞扇钟琴棋画诗歌赋舟车牛猪鸡鱼虾蟹龟蛇鹰鹤燕雀蜂蝶蚁蝉泉溪湖岛岭谷洞沙珠铜锡';

export interface SaveToPages {
  /** Median seconds from the save to the new pages drawn, for an edit in the issue's own characters and one with new ones. */
  known: number;
  novel: number;
  /** The preview's own figure for the same builds (from the change to the finished PDF). */
  knownBuild: number;
  novelBuild: number;
  cold: number;
}

const pick = (from: readonly string[], n: number) =>
  Array.from({ length: n }, () => from[Math.floor(Math.random() * from.length)]!).join('');

/** Saves the issue with `marker` added to its first paragraph; seconds until the viewer shows it, and the build's own. */
async function edit(preview: RunningPreview, page: Page, file: string, original: string, marker: string): Promise<[number, number]> {
  const before = Number(await page.evaluate(() => document.documentElement.dataset.shownBuild));
  const saved = performance.now();
  await writeFile(file, original.replace(PARAGRAPH, `${PARAGRAPH}${marker}`));
  // Timed until the pages in the window are drawn; then, untimed, a check that they are the edit's (their text layer follows).
  await page.waitForFunction(
    (shown: number) => Number(document.documentElement.dataset.shownBuild) > shown,
    { polling: 'mutation', timeout: 120_000 },
    before,
  );
  const seconds = (performance.now() - saved) / 1000;
  await page.waitForFunction(
    (text: string) => Array.from(document.querySelectorAll('.textLayer')).some((layer) => layer.textContent?.includes(text)),
    { polling: 'mutation', timeout: 120_000 },
    marker,
  );
  const state = await getJson<PreviewState>(preview, '/build.json');
  if (!state.ok) throw new Error(`the edit ${marker} did not build: ${JSON.stringify(state.diagnostics)}`);
  return [seconds, state.durationMs! / 1000];
}

/** `runs` rounds of: a cold build, an edit in known characters, an edit with new ones. */
export async function saveToPages(runs: number, coldBuild: (dir: string) => Promise<Measured>): Promise<SaveToPages> {
  const dir = await workspaceOf({ 453: same });
  const file = path.join(dir, 'issues', '453', 'issue.md');
  const original = await readFile(file, 'utf8');
  const inIssue = [...new Set(original.slice(original.indexOf(PARAGRAPH)).split('\n')[0])].filter((ch) => /\p{Script=Han}/u.test(ch));
  const newToIt = [...POOL].filter((ch) => !original.includes(ch));
  const preview = await startPreview(dir, ['453']);
  const viewer = await startBrowser();
  const times = {
    known: [] as number[],
    novel: [] as number[],
    knownBuild: [] as number[],
    novelBuild: [] as number[],
    cold: [] as number[],
  };
  try {
    const page = await viewer.browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(preview.url);
    await page.waitForFunction(() => document.documentElement.dataset.shownBuild, { timeout: 120_000 });
    // A first edit warms the preview's code paths; it is not counted.
    await edit(preview, page, file, original, pick(inIssue, 6));
    for (let i = 0; i < runs; i++) {
      const cold = await coldBuild(dir);
      if (cold.code !== 0) throw new Error(`build-issue 453 failed:\n${cold.stderr}`);
      times.cold.push(cold.seconds);
      const [known, knownBuild] = await edit(preview, page, file, original, pick(inIssue, 6));
      const [novel, novelBuild] = await edit(preview, page, file, original, `${pick(newToIt, 2)}${pick(inIssue, 4)}`);
      times.known.push(known);
      times.knownBuild.push(knownBuild);
      times.novel.push(novel);
      times.novelBuild.push(novelBuild);
    }
  } finally {
    await viewer.close();
    preview.child.kill('SIGINT');
    await preview.exited;
  }
  return {
    known: median(times.known),
    novel: median(times.novel),
    knownBuild: median(times.knownBuild),
    novelBuild: median(times.novelBuild),
    cold: median(times.cold),
  };
}
