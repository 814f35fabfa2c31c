/**
 * `chitieu evaluate`: which targets of a resolution were exceeded, met or missed for a unit and a period.
 */
import type { Command } from 'commander';
import { type GlobalOptions, evaluateFromStore, withStore } from '../context.ts';
import { renderEvaluationTable } from '../render-evaluation.ts';

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Đánh giá kết quả thực hiện các chỉ tiêu của một Nghị quyết cho một đơn vị trong một kỳ')
    .requiredOption('-u, --unit <mã|tên|id>', 'đơn vị, ví dụ "Ngân Sơn", "huyện Ngân Sơn", mã 062 hoặc id')
    .requiredOption('-p, --period <kỳ>', 'kỳ báo cáo, ví dụ 2024, "quý I/2025", "6 tháng đầu năm 2024", "nhiệm kỳ 2020 – 2025"')
    .option('-r, --resolution <id|số>', 'Nghị quyết (mặc định: Nghị quyết năm của kỳ, hoặc Nghị quyết nhiệm kỳ cho cả nhiệm kỳ)')
    .option('--json', 'in kết quả dạng JSON (cấu trúc ổn định, xem docs/evaluate-json.md)')
    .addHelpText(
      'after',
      '\nVí dụ:\n  npx chitieu evaluate --unit "Ngân Sơn" --period 2024\n  npx chitieu evaluate --unit "Ngân Sơn" --period "quý I/2025" --json\n',
    )
    .action(async (opts: { unit: string; period: string; resolution?: string; json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const result = await withStore(g, (store) => evaluateFromStore(store, opts));
      process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderEvaluationTable(result)}\n`);
    });
}
