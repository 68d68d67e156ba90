// WCAG contrast of what a page shows: each rendered text (text nodes and form fields' values) in its
// computed colour against the background behind it, found by walking up to the first opaque
// background and laying the translucent ones (and each colour of a gradient) over it. Text of 24px,
// or 18.66px and bold, needs 3:1, other text 4.5:1 (WCAG 2.x AA). Disabled controls are exempt, as
// WCAG allows. Highlights (::highlight) are not in the DOM: probeHighlights() lays their rules on
// texts of their own first. Also measured: the page's own background, and the light panels on it.
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  text: string;
  where: string;
  color: string;
  background: string;
  ratio: number;
  needed: number;
}

export interface ContrastReport {
  /** How many texts were measured. */
  checked: number;
  failures: ContrastFailure[];
  /** The relative luminance (0 black – 1 white) of the page's own background. */
  pageLuminance: number;
  /** Light surfaces of some size (at least 120×40 px, an opaque background of luminance over 0.4):
   *  a dark page should have none (a white panel, a white dialog). */
  lightPanels: string[];
}

/** Measures every rendered text of the page (in the viewport or not), and its surfaces. */
export function measureContrast(page: Page): Promise<ContrastReport> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const cache = new Map<string, RGBA>();
    /** Any CSS colour (rgb(), color(srgb …), a color-mix() result) as 0–255 channels and alpha 0–1. */
    const parse = (css: string): RGBA => {
      let rgba = cache.get(css);
      if (!rgba) {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = '#000';
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
        rgba = [r, g, b, a / 255];
        cache.set(css, rgba);
      }
      return rgba;
    };
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]: RGBA) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const show = ([r, g, b, a]: RGBA) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)}${a < 1 ? ` / ${a.toFixed(2)}` : ''})`;
    const COLOR = /(?:rgba?|color|hsla?|oklch|oklab|lab|lch)\([^()]*\)|#[0-9a-f]{3,8}\b|transparent/gi;

    /** The layers behind an element, nearest first: its background colour and its gradients' colours. */
    const layersOf = (element: Element): { color: RGBA; stops: RGBA[] }[] => {
      const layers: { color: RGBA; stops: RGBA[] }[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        const color = parse(style.backgroundColor);
        const stops = style.backgroundImage === 'none' ? [] : (style.backgroundImage.match(COLOR) ?? []).map(parse);
        if (color[3] > 0 || stops.length) layers.push({ color, stops });
        if (color[3] >= 0.999) return layers;
      }
      // Nothing opaque up to the root: the canvas, which the root's background paints.
      layers.push({ color: [255, 255, 255, 1], stops: [] });
      return layers;
    };
    /** Every background the text may stand on: one per colour of each gradient on the way. */
    const backgrounds = (element: Element): RGBA[] => {
      const layers = layersOf(element).reverse();
      let candidates: RGBA[] = [layers[0].color];
      for (const layer of layers.slice(1)) {
        const next: RGBA[] = [];
        for (const below of candidates) {
          const base = layer.color[3] > 0 ? over(layer.color, below) : below;
          if (layer.stops.length) for (const stop of layer.stops) next.push(over(stop, base));
          else next.push(base);
        }
        candidates = next.slice(0, 16);
      }
      return candidates;
    };
    const opacity = (element: Element) => {
      let value = 1;
      for (let node: Element | null = element; node; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
      return value;
    };
    const disabled = (element: Element) => !!element.closest(':disabled, [aria-disabled="true"], .is-disabled');
    const where = (element: Element) => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && parts.length < 4; node = node.parentElement) {
        const classes = [...node.classList].slice(0, 2).join('.');
        parts.unshift(node.tagName.toLowerCase() + (classes ? `.${classes}` : '') + (node.getAttribute('data-testid') ? `[${node.getAttribute('data-testid')}]` : ''));
      }
      return parts.join(' > ');
    };
    const shown = (element: Element) => {
      if (!element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return false;
      const box = element.getBoundingClientRect();
      return box.width > 2 && box.height > 2 && getComputedStyle(element).clipPath !== 'inset(50%)';
    };

    const texts = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && node.textContent!.trim() && !parent.closest('script, style, noscript, title')) texts.add(parent);
    }
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (field.value.trim() && !['checkbox', 'radio', 'hidden', 'range', 'color', 'file'].includes(field.type)) texts.add(field);
    }
    const failures: ContrastFailure[] = [];
    let checked = 0;
    for (const element of texts) {
      if (!shown(element) || disabled(element)) continue;
      const style = getComputedStyle(element);
      const faded = opacity(element);
      const ink = parse(style.color);
      const color: RGBA = [ink[0], ink[1], ink[2], ink[3] * faded];
      if (color[3] === 0) continue;
      const size = parseFloat(style.fontSize);
      const needed = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5;
      checked++;
      let worst: { ratio: number; background: RGBA } | null = null;
      for (const background of backgrounds(element)) {
        const value = ratio(over(color, background), background);
        if (!worst || value < worst.ratio) worst = { ratio: value, background };
      }
      if (worst && worst.ratio < needed) {
        const text = (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : element.textContent!).trim().slice(0, 40);
        failures.push({ text, where: where(element), color: show(color), background: show(worst.background), ratio: Math.round(worst.ratio * 100) / 100, needed });
      }
    }

    const lightPanels: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width < 120 || box.height < 40 || !element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) continue;
      const background = parse(getComputedStyle(element).backgroundColor);
      if (background[3] > 0.98 && luminance(background) > 0.4) lightPanels.push(`${where(element)} ${show(background)}`);
    }
    const body = parse(getComputedStyle(document.body).backgroundColor);
    const pageLuminance = luminance(body[3] > 0 ? body : parse(getComputedStyle(document.documentElement).backgroundColor));
    return { checked, failures, pageLuminance, lightPanels };
  });
}

/** Lays each ::highlight rule of the page's style sheets on a text of its own over the sheet (the
 *  translation's panel), so measureContrast measures it, and each stack of highlights that may
 *  cover one text (bottom first, as their priorities paint them; a name ending in "-" stands for
 *  every highlight it starts) as nested texts. Returns how to take them away. */
export async function probeHighlights(page: Page, stacks: string[][] = []): Promise<() => Promise<void>> {
  const count = await page.evaluate((stackList) => {
    const host = document.querySelector('.sheet') ?? document.body;
    const box = document.createElement('div');
    box.dataset.contrastProbes = '';
    box.style.cssText = 'position:absolute;left:0;top:0;font-size:16.5px;line-height:1.75;';
    const rules = new Map<string, string>();
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
      for (const rule of sheet.cssRules) {
        const name = rule instanceof CSSStyleRule ? /^::highlight\(([^)]+)\)$/.exec(rule.selectorText)?.[1] : undefined;
        if (name) rules.set(name, (rule as CSSStyleRule).style.cssText);
      }
    }
    const probe = (names: string[]) => {
      let outer: HTMLElement | null = null;
      let inner: HTMLElement | null = null;
      for (const name of names) {
        const span = document.createElement('span');
        span.style.cssText = rules.get(name)!;
        if (inner) inner.append(span);
        else outer = span;
        inner = span;
      }
      inner!.textContent = `Marked text ${names.join(' under ')}`;
      box.append(outer!, document.createElement('br'));
    };
    for (const name of rules.keys()) probe([name]);
    const matching = (pattern: string) => [...rules.keys()].filter((name) => (pattern.endsWith('-') ? name.startsWith(pattern) : name === pattern));
    for (const stack of stackList) {
      const combos = stack.reduce<string[][]>((acc, pattern) => acc.flatMap((names) => matching(pattern).map((name) => [...names, name])), [[]]);
      if (combos.length === 0) throw new Error(`no highlights for the stack ${stack.join(' + ')}`);
      for (const names of combos) probe(names);
    }
    host.append(box);
    return rules.size;
  }, stacks);
  if (count === 0) throw new Error('no ::highlight rules on the page');
  return () => page.evaluate(() => document.querySelectorAll('[data-contrast-probes]').forEach((box) => box.remove()));
}
