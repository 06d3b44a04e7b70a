/**
 * Headless Chromium for the benchmarks (Debian's, found as the browser tests find it), and the
 * machine description printed with every table: figures only mean something next to it.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../scripts/browser.mjs';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  // TimelineJS with 10,000 events keeps the page busy for tens of seconds in one task: give
  // DevTools calls made meanwhile (navigation, waiting for the result) room to wait.
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, protocolTimeout: 600_000 });
}

export interface Viewport {
  name: string;
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { name: 'desktop 1280×800', width: 1280, height: 800 };
export const PHONE: Viewport = { name: 'phone 390×844', width: 390, height: 844 };

/**
 * Runs `use` on a new page in a new browser context (its own cache, storage and renderer
 * process), then closes the context: each run starts as a first visit, with nothing left over
 * from the runs before it.
 */
export async function withFreshPage<T>(
  browser: Browser,
  viewport: Viewport,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height });
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Waits (in Node, polling the page) until the page sets `window[name]`, and returns it. */
export async function pageResult<T>(page: Page, name: string, timeout: number): Promise<T> {
  const handle = await page.waitForFunction(`window[${JSON.stringify(name)}]`, { timeout, polling: 100 });
  return (await handle.jsonValue()) as T;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  /** 1-minute load average when the run started: above about half the cores, expect noise */
  loadAverage: number;
  chromium: string;
  node: string;
  platform: string;
}

export async function describeMachine(browser: Browser): Promise<Machine> {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGB: Math.round(totalmem() / 1e9),
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
    // "Chrome/150.0.7871.100" from Chromium too: the binary's path says which one it was.
    chromium: `Chromium ${(await browser.version()).split('/').at(-1)} (${findBrowser()})`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
