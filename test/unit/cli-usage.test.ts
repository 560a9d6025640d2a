/** The command line as a new user meets it: help (in Chinese unless asked for English), defaults, usage errors, running in the wrong folder. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayWidth } from '../../src/excerpt.js';
import { cli } from '../helpers/build.js';
import { scratchDir } from '../helpers/scratch.js';

describe('build-issue usage', () => {
  test('`help <command>` shows that command’s help', async () => {
    const run = await cli(['help', 'lint'], process.cwd());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: build-issue lint /m);
    assert.match(run.stdout, /--fix/);
  });

  test('--help states each default once, and lists examples and the environment', async () => {
    const run = await cli(['--help'], process.cwd());
    assert.equal(run.code, 0, run.stderr);
    const help = run.stdout.slice(0, run.stdout.indexOf('Examples:')).replace(/\s+/g, ' ');
    assert.doesNotMatch(help, /default: false/);
    assert.equal(help.match(/default:/g)?.length, 2, help); // --jobs and --bleed
    assert.match(help, /--jobs <n> issues laid out at once \(default: the machine’s cores, \d+\)/);
    assert.match(run.stdout, /^Examples:$/m);
    assert.match(run.stdout, /^Environment:$/m);
    assert.match(run.stdout, /PUPPETEER_EXECUTABLE_PATH/);
  });

  test('a usage error carries the same one prefix as every other failure', async () => {
    for (const args of [['--bogus'], ['lint', '--bogus'], ['453', '--jobs', 'x']]) {
      const run = await cli(args, process.cwd());
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^build-issue: /, args.join(' '));
      assert.doesNotMatch(run.stderr, /error:/, args.join(' '));
    }
  });

  test('an argument more than a command takes is an error, not ignored', async () => {
    for (const args of [
      ['lint', '453', '454'],
      ['preflight', 'a.pdf', 'b.pdf'],
      ['doctor', 'extra'],
      ['new', '454', '455'],
    ]) {
      const run = await cli(args, process.cwd());
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, /^build-issue: too many arguments for '\w+'\. Expected \d+ arguments? but got \d+\./, args.join(' '));
    }
    const zh = await chinese(['lint', '453', '454']);
    assert.equal(zh.code, 1);
    assert.match(zh.stderr, /^build-issue: 参数太多：应有 1 个，给了 2 个/);
  });

  test('run outside a project, it names the folder it looked in', async () => {
    const dir = await scratchDir('build-issue-nowhere-');
    const run = await cli(['453'], dir);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`no issues/ folder in ${dir}`), run.stderr);
  });
});

/** The CLI run as an editor runs it: no language asked for. */
const chinese = (args: string[]) => cli(args, process.cwd(), { BUILD_ISSUE_LANG: undefined });
const HAN = /\p{Script=Han}/u;
const COMMANDS = ['lint', 'import', 'preflight', 'doctor', 'preview', 'new', 'init'];

describe('build-issue help in Chinese', () => {
  test('--help is in Chinese by default: headings, descriptions, each default once, examples and the environment', async () => {
    const run = await chinese(['--help']);
    assert.equal(run.code, 0, run.stderr);
    for (const heading of ['参数：', '选项：', '命令：', '示例：', '环境变量：']) assert.match(run.stdout, new RegExp(`^${heading}$`, 'm'));
    assert.match(run.stdout, /^用法：build-issue /);
    assert.match(run.stdout, /^ {2}-j, --jobs <n> +同时排几期（默认：本机的核数，\d+）$/m);
    assert.match(run.stdout, /^ {2}-h, --help +显示这个命令的帮助$/m);
    assert.doesNotMatch(run.stdout, /display help for command|Usage:|Options:|default:|Examples:|Environment:/);
    const help = run.stdout.slice(0, run.stdout.indexOf('示例：'));
    assert.equal(help.match(/默认：/g)?.length, 2, help); // --jobs and --bleed
    assert.match(run.stdout, /^ {2}BUILD_ISSUE_LANG +提示信息的语言/m);
  });

  test('every command, argument and option of every command is described in Chinese', async () => {
    for (const command of ['', ...COMMANDS]) {
      const run = await chinese(command ? ['help', command] : ['--help']);
      assert.equal(run.code, 0, run.stderr);
      const items = run.stdout.split('\n').filter((line) => /^ {2}\S.*\S {2,}\S/.test(line) && !/^ {2}build-issue /.test(line));
      assert.ok(items.length >= 2, `help ${command}: too few items found`);
      for (const item of items) assert.match(item, HAN, `help ${command}: ${item}`);
    }
  });

  test('Chinese help is wrapped by the columns a terminal gives it: no line wider than 80', async () => {
    for (const command of ['', ...COMMANDS]) {
      const run = await chinese(command ? ['help', command] : ['--help']);
      const wide = run.stdout.split('\n').filter((line) => displayWidth(line) > 80);
      assert.deepEqual(wide, [], `help ${command}`);
    }
  });

  test('`help build` and `help lint` show those commands’ help in Chinese', async () => {
    const build = await chinese(['help', 'build']);
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, /^用法：build-issue /);
    assert.match(build.stdout, /--proof +同时把各页的 PNG 图/);
    const lint = await chinese(['help', 'lint']);
    assert.match(lint.stdout, /^用法：build-issue lint \[options\] <serial\|file>$/m);
    assert.match(lint.stdout, /^ {2}--fix +改正确定无误的问题/m);
  });

  test('--lang en, or BUILD_ISSUE_LANG=en, gives the help in English', async () => {
    for (const run of [
      await chinese(['--help', '--lang', 'en']),
      await chinese(['help', 'lint', '--lang=en']),
      await cli(['--help'], process.cwd()),
    ]) {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Usage: build-issue /);
      assert.match(run.stdout, /^Options:$/m);
      assert.match(run.stdout, /display help for command/);
      assert.doesNotMatch(run.stdout, /用法|选项：|显示这个命令的帮助/);
    }
  });

  test('commander’s usage errors are in Chinese too', async () => {
    const missing = await chinese(['lint']);
    assert.equal(missing.stderr, 'build-issue: 缺少参数 <serial|file>\n');
    const value = await chinese(['preview', '453', '--port']);
    assert.equal(value.stderr, 'build-issue: 选项 --port <n> 后面缺少值\n');
    const typo = await chinese(['lint', '--jsn']);
    assert.equal(typo.stderr, 'build-issue: 没有选项 --jsn\n（是不是 --json？）\n');
  });
});
