/**
 * Commander prints its own words ("Usage:", "error: unknown option"): these are put into Vietnamese
 * here, once, for every command.
 */
import type { Command } from 'commander';
import { VIETNAMESE_HELP_TITLES } from './commands/data.ts';

const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: required option '(.+)' not specified/, (o) => `Lỗi: thiếu tùy chọn bắt buộc ${o}`],
  [/^error: option '(.+)' argument missing/, (o) => `Lỗi: tùy chọn ${o} cần một giá trị`],
  [/^error: unknown option '(.+?)'/, (o) => `Lỗi: không có tùy chọn ${o}`],
  [/^error: unknown command '(.+?)'/, (c) => `Lỗi: không có lệnh "${c}"`],
  [/^error: missing required argument '(.+)'/, (a) => `Lỗi: thiếu tham số bắt buộc <${a}>`],
  [/^error: too many arguments(?: for '(.+)')?/, () => 'Lỗi: thừa tham số'],
];

/** Translates one of commander's error lines; leaves anything else (our own messages) as it is. */
export function translateCommanderError(s: string): string {
  for (const [re, fn] of ERRORS) {
    const m = s.match(re);
    if (m) return `${fn(...m.slice(1))}${s.includes('Did you mean') ? ` (${s.slice(s.indexOf('Did you mean')).replace('Did you mean', 'ý bạn là').trim()})` : ''}\n`;
  }
  return s;
}

export function localiseCommand(c: Command): void {
  c.configureHelp({ styleTitle: (t: string) => VIETNAMESE_HELP_TITLES[t] ?? t });
  c.configureOutput({ outputError: (s, write) => write(translateCommanderError(s)) });
  c.helpOption('-h, --help', 'hiện hướng dẫn');
}
