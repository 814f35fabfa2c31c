/**
 * The `chitieu` command line. Each command group lives in commands/; this file only assembles them
 * and turns typed errors into a Vietnamese message and an exit code.
 */
import { Command, CommanderError } from 'commander';
import { PeriodError } from '../core/periods.ts';
import { EvaluationError } from '../core/evaluate.ts';
import { StoreError } from '../store/errors.ts';
import { WorkspaceImportError } from '../workspace/import.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEvaluateCommand } from './commands/evaluate.ts';
import { registerExtractCommands } from './commands/extract.ts';
import { reportYears } from '../report/index.ts';
import { registerReportCommands } from './commands/report.ts';
import { type GlobalOptions, loadUnitModel, openStoreFromOptions, withStore } from './context.ts';
import { CliError } from './errors.ts';
import { localiseCommand } from './localise.ts';

export function buildProgram(): Command {
  const program = new Command('chitieu')
    .description('chitieu: theo dõi chỉ tiêu Nghị quyết, đánh giá kết quả và viết báo cáo tiến độ')
    .option('-d, --data <thư mục>', 'thư mục dữ liệu (mặc định: biến CHITIEU_DATA_DIR, hoặc ./data; DATABASE_URL để dùng PostgreSQL)')
    .helpCommand('help [lệnh]', 'hiện hướng dẫn của một lệnh')
    .showHelpAfterError('(dùng --help để xem hướng dẫn)');
  registerDataCommands(program, { openStoreFromOptions: () => openStoreFromOptions(program.opts<GlobalOptions>()) });
  registerDemoCommand(program);
  registerEvaluateCommand(program);
  registerExtractCommands(program);
  registerReportCommands(program, {
    // Called while a command runs, after parsing: the global --data option is known by then.
    loadModelFor: ({ unitQuery, period }) =>
      withStore(program.opts<GlobalOptions>(), async (store) => {
        const { unit, model } = await loadUnitModel(store, unitQuery, period, reportYears(period));
        return { model, unitId: unit.id };
      }),
  });
  forEachCommand(program, localiseCommand);
  return program;
}

function forEachCommand(c: Command, fn: (c: Command) => void): void {
  fn(c);
  for (const sub of c.commands) forEachCommand(sub, fn);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  forEachCommand(program, (c) => c.exitOverride());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode; // commander already printed the help or the error
  if (e instanceof CliError) {
    process.stderr.write(`Lỗi: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof WorkspaceImportError || e instanceof StoreError || e instanceof PeriodError || e instanceof EvaluationError) {
    process.stderr.write(`Lỗi: ${e.message}\n`);
    return 1;
  }
  throw e;
}
