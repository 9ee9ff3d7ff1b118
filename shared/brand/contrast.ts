/**
 * WCAG 2 contrast for the brand colours: the light theme puts white text on the primary and
 * secondary colours (buttons, chips) and those colours as text on white, so a colour must reach
 * 4.5:1 against white; the dark theme uses a lighter shade of the same colour, worked out here,
 * that reaches 4.5:1 against the dark surfaces (and takes dark text).
 */
export const MIN_CONTRAST = 4.5
/** The darkest surfaces of the dark theme (Vuetify's background and card surface). */
const DARK_SURFACES = ['#121212', '#212121']

export const HEX_COLOR = /^#[0-9a-f]{6}$/i

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const toHex = (c: [number, number, number]) => '#' + c.map(v => Math.round(v).toString(16).padStart(2, '0')).join('')

/** Mixes `hex` with white by `t` (0 … 1). */
function tint(hex: string, t: number): string {
  const c = channels(hex)
  return toHex(c.map(v => v + (255 - v) * t) as [number, number, number])
}

/** The shade used on the dark theme: the colour itself when it reads on dark, else the least lighter tint that does. */
export function darkShade(hex: string): string {
  const reads = (c: string) => DARK_SURFACES.every(s => contrastRatio(c, s) >= MIN_CONTRAST)
  for (let t = 0; t <= 1.0001; t += 0.02) {
    const c = tint(hex, Math.min(t, 1))
    if (reads(c)) return c
  }
  return '#ffffff'
}

/** Whether white text reads on the colour (and the colour reads as text on white). */
export const readsOnLight = (hex: string) => contrastRatio(hex, '#ffffff') >= MIN_CONTRAST
