import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  brackets,
  checkText,
  dashForm,
  doubledAtJoin,
  ellipsisForm,
  fullwidthAlphanumeric,
  halfwidthPunctuation,
  latinWords,
  paragraphEnd,
  RUNNING_TEXT_RULES,
  spacesInChinese,
  type TextRule,
} from '../../src/stages/lint/rules/index.js';

interface Expected {
  /** The text the finding points at (its first occurrence, or the first after `after`). */
  at: string;
  after?: string;
  fix?: string;
}

/** Each rule, with text it must accept and text it must flag (what it points at, and its fix). */
const CASES: Array<{ rule: TextRule; id: string; pass: string[]; fail: Array<[string, Expected[]]> }> = [
  {
    rule: halfwidthPunctuation,
    id: 'halfwidth-punctuation',
    pass: [
      '中央宣传部，中央组织部印发意见。',
      '共1,000人，9:30开会，增长3.14倍。',
      '1.学习原文',
      'Paged.js 0.4.3',
      'lilunxuanjiang@163.com',
    ],
    fail: [
      ['中央宣传部,中央组织部', [{ at: ',', fix: '，' }]],
      ['意见提出: 要提高', [{ at: ': ', fix: '：' }]],
      ['你学了吗?!', [{ at: '?!', fix: '？！' }]],
      ['用好5G,学好', [{ at: ',' }]],
      ['见附件(一)', [{ at: '(' }, { at: ')' }]],
      ['他说"好"。', [{ at: '"' }, { at: '"' }]],
      ['会议结束.', [{ at: '.' }]],
    ],
  },
  {
    rule: fullwidthAlphanumeric,
    id: 'fullwidth-alphanumeric',
    pass: ['2023年9月，5G和4A级景区。'],
    fail: [
      [
        '２０２３年共有ＡＢＣ三处',
        [
          { at: '２０２３', fix: '2023' },
          { at: 'ＡＢＣ', fix: 'ABC' },
        ],
      ],
    ],
  },
  {
    rule: dashForm,
    id: 'dash-form',
    pass: ['副题：——《新阶段》出版发行', '1949—2023年', '北京—上海', 'a--b'],
    fail: [
      ['他说--要坚持', [{ at: '--', fix: '——' }]],
      ['他说──要坚持', [{ at: '──', fix: '——' }]],
      ['姓名：------', [{ at: '------' }]],
    ],
  },
  {
    rule: ellipsisForm,
    id: 'ellipsis-form',
    pass: ['各市、县委书记、……', '从前…………从此', 'wait...'],
    fail: [
      ['还要坚持...', [{ at: '...', fix: '……' }]],
      ['还要坚持。。。以及', [{ at: '。。。', fix: '……' }]],
      ['以及…', [{ at: '…', fix: '……' }]],
      ['以及......等等', [{ at: '......', fix: '……' }]],
      ['以及....等等', [{ at: '....' }]],
    ],
  },
  {
    rule: brackets,
    id: 'bracket-unbalanced',
    pass: ['《关于“两个确立”的意见》（以下简称《意见》）', '〔2023〕【注】‘内’', 'don’t'],
    fail: [
      ['做到“四个意识。', [{ at: '“' }]],
      ['见附件）。', [{ at: '）' }]],
    ],
  },
  {
    rule: brackets,
    id: 'bracket-misnested',
    pass: ['“《意见》”'],
    fail: [
      ['“《意见”》', [{ at: '”' }]],
      ['“（见附件”。', [{ at: '”' }]],
    ],
  },
  {
    rule: spacesInChinese,
    id: 'space-in-chinese',
    // An indent of ideographic spaces is the load stage's to remove and lint/indents.ts's to report.
    pass: ['党的二十大报告指出，加强党的建设。', '用好 5G 技术', '\u3000\u3000党的二十大'],
    fail: [
      ['作为学习的 出发点', [{ at: ' ' }]],
      ['实\u3000践', [{ at: '\u3000' }]],
      ['学习，\u00a0研究', [{ at: '\u00a0' }]],
    ],
  },
  {
    rule: doubledAtJoin,
    id: 'doubled-at-join',
    pass: ['天天学习，常常研究', '深入学习\n贯彻精神'],
    fail: [
      ['深入学习\n学习贯彻', [{ at: '学习', after: '\n' }]],
      ['要深入的\n的学习', [{ at: '的', after: '\n' }]],
    ],
  },
  {
    rule: paragraphEnd,
    id: 'paragraph-unterminated',
    pass: ['全文完。', '他说：“好。”', '一是学习；', '等等……', '真的吗？）'],
    fail: [['内容到这里就断了', [{ at: '了' }]]],
  },
  {
    rule: latinWords,
    id: 'latin-word',
    pass: [
      '用好5G技术、4A级景区和GDP',
      '全长5km的道路',
      '联系lilunxuanjiang@163.com',
      '使用iPhone和Paged.js',
      '“1+6+4”和“10+14+13+X”',
      'Paged.js and Chromium',
    ],
    fail: [
      ['会议强调nbsp要深入', [{ at: 'nbsp' }]],
      ['这是zhongguo的', [{ at: 'zhongguo' }]],
      ['共有km长', [{ at: 'km' }]],
      ['思想 and 行动统一', [{ at: 'and' }]],
    ],
  },
];

describe('lint rules', () => {
  for (const { rule, id, pass, fail } of CASES) {
    describe(id, () => {
      for (const text of pass) {
        test(`accepts ${JSON.stringify(text)}`, () => {
          assert.deepEqual(
            rule(text).filter((f) => f.rule === id),
            [],
          );
        });
      }
      for (const [text, expected] of fail) {
        test(`flags ${JSON.stringify(text)}`, () => {
          const found = rule(text).filter((f) => f.rule === id);
          let from = 0;
          const wanted = expected.map(({ at, after, fix }) => {
            const offset = text.indexOf(at, after === undefined ? from : text.indexOf(after) + after.length);
            from = offset + 1;
            return { offset, text: at, fix };
          });
          assert.deepEqual(
            found.map((f) => ({ offset: f.offset, text: text.slice(f.offset, f.offset + f.length), fix: f.fix })),
            wanted,
          );
          for (const f of found) assert.ok(f.message.zh.length > 0 && f.message.en.length > 0);
        });
      }
    });
  }
});

describe('checkText', () => {
  test('leaves text without a Han character alone', () => {
    assert.deepEqual(checkText('Hello, world -- see...', RUNNING_TEXT_RULES), []);
  });

  test('returns every rule’s findings in text order', () => {
    const found = checkText('他说--要坚持,问题导向', RUNNING_TEXT_RULES);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['dash-form', 'halfwidth-punctuation', 'paragraph-unterminated'],
    );
    assert.deepEqual(
      found.map((f) => f.offset),
      [2, 7, 11],
    );
  });

  test('points at a rare character outside the BMP by its whole surrogate pair', () => {
    const [found] = paragraphEnd('名字是𪚥');
    assert.equal(found?.offset, 3);
    assert.equal(found?.length, 2);
  });
});
