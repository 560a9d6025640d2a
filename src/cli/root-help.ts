import type { Message } from '../message.js';

/** After the root command's options: examples and the environment it reads. */
export const ROOT_HELP_AFTER: Message = {
  zh: `
示例：
  build-issue 453                  把 issues/453/issue.md 排成 dist/453.pdf
  build-issue 440-453 --jobs 2     排 440 到 453 期中已有的各期
  build-issue 453 --proof          同时把各页的 PNG 图写到 dist/453.proof/
  build-issue lint 453 --fix       检查文字，改正确定无误的问题
  build-issue preflight x.pdf      像印刷厂那样检查任何一个 PDF
  build-issue new 454              照 453 期开始 454 期（期数加一，日期为今天）
  build-issue preview 454 --open   在浏览器里看它的页面，每次保存后随即更新
  build-issue help lint            一个命令的帮助
  build-issue 453 --lang en        提示信息改用英文

环境变量：
  PUPPETEER_EXECUTABLE_PATH, CHROME_PATH
                                   排版用的 Chromium（默认 /usr/bin/chromium）
  SOURCE_DATE_EPOCH                写进 PDF 的日期（默认：这一期的日期）
  BUILD_ISSUE_EDITIONS             用这个文件夹里的版式代替 build-issue 自带的
  BUILD_ISSUE_DEFAULT_EDITION      没有指定版式的期所用的版式（默认 2023）
  BUILD_ISSUE_BROWSER_TIMEOUT      浏览器启动最多等几秒（默认 20）
  BUILD_ISSUE_BROWSER_PROCESSES    设为 separate：以 root 运行时也分多个进程
  BUILD_ISSUE_LANG                 提示信息的语言：zh（默认）或 en，同 --lang
  CI                               设了它，进度每期只打一行，不显示进度条

文档：docs/editors.md、docs/diagnostics.md（每个规则名）、docs/print-shop.md、
      docs/security.md。`,
  en: `
Examples:
  build-issue 453                  build issues/453/issue.md into dist/453.pdf
  build-issue 440-453 --jobs 2     build the issues from 440 to 453 that exist
  build-issue 453 --proof          also write PNGs of the pages to dist/453.proof/
  build-issue lint 453 --fix       check the text; fix what is certainly right
  build-issue preflight x.pdf      check any PDF as a print shop would
  build-issue new 454              start issue 454 from 453 (next number, today's date)
  build-issue preview 454 --open   its pages in the browser, following every save
  build-issue help lint            the options of one command
  build-issue 453 --lang en        messages in English instead of Chinese

Environment:
  PUPPETEER_EXECUTABLE_PATH, CHROME_PATH
                                   the Chromium to lay out with (default /usr/bin/chromium)
  SOURCE_DATE_EPOCH                the date written into PDFs (default: the issue's date)
  BUILD_ISSUE_EDITIONS             a folder of style editions to use instead of build-issue's own
  BUILD_ISSUE_DEFAULT_EDITION      the edition of issues that name none (default 2023)
  BUILD_ISSUE_BROWSER_TIMEOUT      seconds the browser may take to start (default 20)
  BUILD_ISSUE_BROWSER_PROCESSES    separate: the browser keeps its processes as root too
  BUILD_ISSUE_LANG                 the language of messages: zh (default) or en, as --lang
  CI                               when set, progress is one plain line per issue, no live bar

Documentation: docs/editors.md, docs/diagnostics.md (every rule id), docs/print-shop.md, docs/security.md.`,
};
