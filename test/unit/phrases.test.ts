import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NO_LINE_END, NO_LINE_START } from '../../src/page/marks.js';
import { displayHtml, headlineHtml } from '../../src/stages/render/display/display-html.js';
import { phraseBreaks, phrases, wordLength } from '../../src/stages/render/display/phrases.js';

/** 453's display texts. */
const TEXTS = [
  '河北省学习贯彻习近平新时代中国特色社会主义思想主题教育第一批总结暨第二批部署会议召开',
  '充分借鉴运用第一批主题教育成功经验 高标准高质量开展好第二批主题教育',
  '中宣部中组部印发意见 提高党委中心组学习质量',
  '准确把握党的二十大重大意义，增强学习贯彻的政治自觉、思想自觉和行动自觉',
  '深入践行“因地制宜、科学规划、分类指导、因势利导”重要指示，闯出产业振兴发展新路',
  '彰显理论价值 凝聚实践伟力——《新阶段新特点新探索·2023》出版发行',
  '激发新就业群体“红色动能”',
  '培塑理论学习新赛道 全面提升理论学习质量',
];

describe('phrase breaks of display lines', () => {
  test('the Party’s set phrases, names and words the dictionary splits stay whole', () => {
    assert.deepEqual(phrases(TEXTS[0]!), [
      '河北省',
      '学习',
      '贯彻',
      '习近平新时代中国特色社会主义思想',
      '主题教育',
      '第一批',
      '总结',
      '暨第二批',
      '部署',
      '会议',
      '召开',
    ]);
    assert.deepEqual(phrases(TEXTS[4]!).slice(0, 4), ['深入', '践行', '“因地制宜、', '科学']);
    assert.ok(phrases(TEXTS[4]!).includes('因势利导”'));
    assert.ok(phrases(TEXTS[5]!).includes('《新阶段新特点新探索·2023》'));
    assert.ok(phrases(TEXTS[6]!).includes('“红色动能”'));
    assert.ok(phrases(TEXTS[7]!).includes('新赛道 '));
  });

  test('every phrase of a text holds at least two characters, so no line can hold one', () => {
    for (const text of TEXTS) for (const phrase of phrases(text)) assert.ok(wordLength(phrase) >= 2, `${text}: “${phrase}”`);
  });

  test('no break where Chinese line breaking forbids one, nor between Han and Latin', () => {
    for (const text of TEXTS) {
      for (const at of phraseBreaks(text)) {
        assert.ok(!NO_LINE_START.includes(text[at]!) && !NO_LINE_END.includes(text[at - 1]!), `${text} at ${at}`);
        assert.ok(!(/[0-9A-Za-z]/.test(text[at]!) && /\p{Script=Han}/u.test(text[at - 1]!)), `${text} at ${at}`);
      }
    }
  });

  test('the HTML carries a <wbr> at each break, and a two-part headline its parts', () => {
    assert.equal(displayHtml('培塑理论学习新赛道'), '培塑<wbr>理论<wbr>学习<wbr>新赛道');
    assert.equal(displayHtml('凝聚实践伟力——新阶段'), '凝聚<wbr>实践<wbr>伟<span class="nb">力——</span><wbr>新阶段');
    assert.match(
      headlineHtml('中宣部中组部印发意见 提高党委中心组学习质量'),
      /^<span class="part">中宣部中组部印发<wbr>意见<\/span> <span class="part">提高<wbr>/,
    );
  });
});
