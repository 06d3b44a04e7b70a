/**
 * Colours as the browser reads them, and WCAG 2 contrast: for the tests that check what a
 * reader can read (hostile host pages, the quieter links and markers).
 */

export type Rgba = [number, number, number, number];

/** Any CSS colour as RGBA 0–255 (alpha 0–1), as the browser itself reads it. */
const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
export function parseColour(colour: string): Rgba {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = 'rgba(0, 0, 0, 0)';
  canvas.fillStyle = colour;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** `top` painted over the opaque colour `bottom`. */
export const over = (top: Rgba, bottom: Rgba): Rgba =>
  [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as Rgba;

/** WCAG 2 contrast ratio of text in `ink` over the opaque `background`. */
export function contrastRatio(ink: Rgba, background: Rgba): number {
  const luminance = ([r, g, b]: Rgba) => {
    const [lr, lg, lb] = [r, g, b].map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
  };
  const [a, b] = [luminance(over(ink, background)), luminance(background)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}
