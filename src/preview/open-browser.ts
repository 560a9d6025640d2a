import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../message.js';

/** The program that opens a URL in the desktop's browser: `open` on macOS, `xdg-open` elsewhere. */
const OPENER = process.platform === 'darwin' ? 'open' : 'xdg-open';

async function onPath(program: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, program);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/**
 * Opens `url` in the system browser; resolves with what to tell the editor.
 * The opener runs on its own (the preview does not wait for the browser to
 * close); if it ends at once with an error (no browser configured, no
 * desktop), that is said instead.
 */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv): Promise<Message> {
  const opener = await onPath(OPENER, env);
  if (!opener)
    return {
      zh: `这里没有可打开的系统浏览器（找不到 ${OPENER}）：请自己打开 ${url}`,
      en: `no system browser to open here (${OPENER} not found): open ${url} yourself`,
    };
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore', env });
  const outcome = await new Promise<Message>((resolve) => {
    child.once('error', (cause) =>
      resolve({
        zh: `${OPENER} 出错（${cause.message}）：请自己打开 ${url}`,
        en: `${OPENER} failed (${cause.message}): open ${url} yourself`,
      }),
    );
    child.once('exit', (code) =>
      resolve(
        code === 0
          ? { zh: `已用 ${OPENER} 打开 ${url}`, en: `opened ${url} with ${OPENER}` }
          : {
              zh: `${OPENER} 没能打开浏览器（退出码 ${code}）：请自己打开 ${url}`,
              en: `${OPENER} could not open a browser (exit code ${code}): open ${url} yourself`,
            },
      ),
    );
  });
  child.unref();
  return outcome;
}
