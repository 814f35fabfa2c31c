/**
 * The `chitieu` command line. Each command group lives in commands/; this file only assembles them
 * and turns typed errors into a Vietnamese message and an exit code.
 */
import { Command, CommanderError } from 'commander';
import { PeriodError } from '../core/periods.ts';
import { EvaluationError } from '../core/evaluate.ts';
import { StoreError } from '../store/errors.ts';
import { WorkspaceImportError } from '../workspace/import.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEvaluateCommand } from './commands/evaluate.ts';
import { registerExtractCommands } from './commands/extract.ts';
import { CliError } from './errors.ts';

export function buildProgram(): Command {
  const program = new Command('chitieu')
    .description('chitieu: theo dõi chỉ tiêu Nghị quyết, đánh giá kết quả và viết báo cáo tiến độ')
    .option('-d, --data <thư mục>', 'thư mục dữ liệu (mặc định: biến CHITIEU_DATA_DIR, hoặc ./data; DATABASE_URL để dùng PostgreSQL)')
    .helpOption('-h, --help', 'hiện hướng dẫn')
    .helpCommand('help [lệnh]', 'hiện hướng dẫn của một lệnh')
    .showHelpAfterError('(dùng --help để xem hướng dẫn)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerDemoCommand(program);
  registerEvaluateCommand(program);
  registerExtractCommands(program);
  for (const c of program.commands) c.helpOption('-h, --help', 'hiện hướng dẫn');
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e);
  }
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander already printed help or the error
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
