#!/usr/bin/env node
// Renders assets/icons/icon.svg to the PNG sizes the manifests use (assets/icons/<size>.png) with
// the same Chromium the tests use. Run after changing the SVG: `node scripts/render-icons.mjs`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

export const ICON_SIZES = [16, 32, 48, 128];
const DIR = fileURLToPath(new URL('../assets/icons/', import.meta.url));
const svg = readFileSync(join(DIR, 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: join(DIR, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`assets/icons/${size}.png`);
  }
} finally {
  await browser.close();
}
