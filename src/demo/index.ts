/**
 * The demo district: huyện Ngân Sơn (Bắc Kạn), term 2020 – 2025, built by demo/build-demo.ts from
 * the seed articles (published figures) and illustrative figures around them. `chitieu demo`
 * imports this file.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of demo/ngan-son.workspace.json. */
export function demoWorkspacePath(): string {
  return fileURLToPath(new URL('../../demo/ngan-son.workspace.json', import.meta.url));
}
