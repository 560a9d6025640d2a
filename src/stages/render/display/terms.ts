/**
 * The house's set phrases, never broken inside in a display line: the names
 * of the Party's theory and its congresses, which a dictionary cuts into
 * words (习|近平|新时代|中国|特色|社会主义|思想) and a typesetter keeps whole.
 * Every display line holds at least 20 characters, so each fits on one.
 * Longer terms come first (a shorter one inside a longer is then covered).
 */
export const KEPT_TOGETHER: readonly string[] = [
  '习近平新时代中国特色社会主义思想',
  '习近平总书记',
  '中国特色社会主义',
  '中国式现代化',
  '中华民族伟大复兴',
  '党的二十大',
  '党的十八大',
  '党的十九大',
  '党中央',
  '主题教育',
  '习近平',
  '社会科学院',
];

/**
 * Characters that, left alone by the dictionary, go with the word after
 * them rather than the one before: prefixes (第|一批 → 第一批, 新|特点 →
 * 新特点) and conjunctions, which a headline carries to the next line
 * (总结|暨第二批部署).
 */
export const PREFIXES: readonly string[] = ['第', '新', '高', '各', '副', '非', '超', '全', '总', '和', '与', '及', '暨', '并'];

/**
 * Bracketed runs kept on one line when they hold at most this many
 * characters: a short quotation (“两个确立”) or book title (《新阶段新特点新探索·2023》)
 * is read as one name.
 */
export const KEPT_BRACKETS = { pairs: ['“”', '《》', '（）', '‘’', '〈〉'], maxChars: 14 } as const;
