/**
 * A headless Chromium session (Debian's /usr/bin/chromium through playwright-core) for the two things
 * that need a browser: printing the HTML to PDF, and rasterising chart SVGs to PNG for DOCX.
 *
 * Launch flags and the persistent profile follow stack-notes §7: `chromium.launch` with a
 * --user-data-dir throws, so a throwaway profile directory is passed to launchPersistentContext and
 * removed on close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Rasterizer } from './types.ts';

export interface ChromiumOptions {
  executablePath?: string;
}

export interface PdfPrintOptions {
  /** Use the page size and margins of the HTML's CSS @page rules (default true). */
  preferCssPageSize?: boolean;
}

export interface ChromiumSession {
  /** Prints an HTML document to PDF bytes. */
  pdf(html: string, opts?: PdfPrintOptions): Promise<Uint8Array>;
  /** Rasterises an SVG to PNG at two device pixels per CSS pixel. */
  png(svg: string, size: { width: number; height: number }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium. Close the session when done (the profile directory is deleted then). */
export async function openChromium(opts: ChromiumOptions = {}): Promise<ChromiumSession> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'chitieu-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      // Charts are rasterised at twice their CSS size so they stay sharp when printed from Word.
      deviceScaleFactor: 2,
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Không khởi động được Chromium (${opts.executablePath ?? '/usr/bin/chromium'}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    async pdf(html, o = {}) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Fonts must be loaded before printing, or Chromium falls back per glyph (Type 3 in the PDF).
        // The function runs in the page; a string keeps DOM types out of this Node-only project.
        await page.evaluate('document.fonts.ready.then(() => true)');
        const buf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: o.preferCssPageSize ?? true });
        return new Uint8Array(buf);
      } finally {
        await page.close();
      }
    },
    async png(svg, size) {
      const page = await context.newPage();
      try {
        await page.setViewportSize(size);
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`, { waitUntil: 'load' });
        const el = await page.$('svg');
        const buf = el ? await el.screenshot({ type: 'png', omitBackground: false }) : await page.screenshot({ type: 'png' });
        return new Uint8Array(buf);
      } finally {
        await page.close();
      }
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** A {@link Rasterizer} backed by a Chromium session. */
export function chromiumRasterizer(session: ChromiumSession): Rasterizer {
  return (svg, size) => session.png(svg, size);
}
