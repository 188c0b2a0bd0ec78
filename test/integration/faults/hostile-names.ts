/** Names a foreign writer may store: each must reach ClickHouse unchanged, in both extract modes. */
export const hostileNames: string[] = [
  `O'Brien "Quoted" \`back\``,
  `'); DROP TABLE campaign; --`,
  `{name:String} $1 %s ?`,
  `emoji 🚀🎯 and ünïcödé, 漢字, RTL \u202Eabc`,
  `tab\there, newline\nhere, CR\rhere, backslash \\ and \\N and \\t`,
  'x'.repeat(255),
  '🚀'.repeat(255), // 255 characters, 1020 bytes: VARCHAR(255) counts characters
  ' leading and trailing spaces ',
  '',
];
