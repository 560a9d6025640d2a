/** 2023-09-20 → 2023年9月20日, as dates are printed in Chinese documents. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
