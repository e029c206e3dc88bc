// Reading pixels of screenshots and images without an image library: Chromium decodes the
// PNG (or draws the <img>) onto a canvas in a blank page and hands back the RGBA bytes.
import type { Browser, Locator } from 'playwright-core';

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  at(x: number, y: number): [number, number, number, number];
}

function pixels(width: number, height: number, base64: string): Pixels {
  const data = new Uint8ClampedArray(Buffer.from(base64, 'base64'));
  return {
    width, height, data,
    at: (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}

async function onCanvas(browser: Browser, src: string, width?: number, height?: number, fill?: string): Promise<{ width: number; height: number; bytes: string; png: string }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ({ src, width, height, fill }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width ?? img.naturalWidth;
      canvas.height = height ?? img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.imageSmoothingQuality = 'high';
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
      }
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      // Base64, not a JSON array: 8 MB of a 1080p frame as numbers takes minutes over CDP.
      let bin = '';
      for (let i = 0; i < data.length; i += 0x8000) bin += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, bytes: btoa(bin), png: canvas.toDataURL('image/png') };
    }, { src, width, height, fill });
  } finally {
    await page.close();
  }
}

/** The RGBA pixels of a PNG (e.g. a screenshot). */
export async function decodePng(browser: Browser, png: Buffer): Promise<Pixels> {
  const r = await onCanvas(browser, `data:image/png;base64,${png.toString('base64')}`);
  return pixels(r.width, r.height, r.bytes);
}

/** A PNG scaled to width × height, as a stream scaled to 720p would show it. */
export async function scalePng(browser: Browser, png: Buffer, width: number, height: number): Promise<Buffer> {
  const r = await onCanvas(browser, `data:image/png;base64,${png.toString('base64')}`, width, height);
  return Buffer.from(r.png.slice(r.png.indexOf(',') + 1), 'base64');
}

/** The pixels of an <img> (its src), drawn at `size` × `size` on white, as it shows on the page. */
export async function imagePixels(browser: Browser, img: Locator, size = 400): Promise<Pixels> {
  const src = (await img.getAttribute('src'))!;
  const r = await onCanvas(browser, src, size, size, '#fff');
  return pixels(r.width, r.height, r.bytes);
}
