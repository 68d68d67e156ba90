// What the aligner knows of each block: its length, its anchors (as numbers, for speed) and whether
// it repeats the block before it on its side (a headline a machine translation wrote twice).
import { anchorKeys, type AnchorInput } from './anchors.js';

export interface SideFeatures {
  /** Characters, runs of white space counted as one. */
  lengths: Float64Array;
  /** Anchor ids per block, with repeats. */
  anchors: Int32Array[];
  /** The same text as the block before it (letters or digits in it). */
  repeats: Uint8Array;
}

export interface Features {
  source: SideFeatures;
  target: SideFeatures;
  /** Weight per anchor id: an anchor many blocks share says less about which pair with which. */
  weights: Float64Array;
}

/** An anchor only one side has: its block's translation may be missing, or written otherwise. */
const ONE_SIDED = 0.5;
const MEANINGFUL = /[\p{L}\p{Nd}]/u;
const collapsed = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

function sideFeatures(texts: readonly string[], keys: string[][], ids: Map<string, number>): SideFeatures {
  const plain = texts.map(collapsed);
  return {
    lengths: Float64Array.from(plain, (text) => text.length),
    anchors: keys.map((block) => Int32Array.from(block, (key) => ids.get(key)!)),
    repeats: Uint8Array.from(plain, (text, i) => (i > 0 && text === plain[i - 1] && MEANINGFUL.test(text) ? 1 : 0)),
  };
}

export function blockFeatures(input: AnchorInput): Features {
  const keys = anchorKeys(input);
  const ids = new Map<string, number>();
  // Per anchor: in how many blocks of the source and of the target it stands.
  const spread: Array<[number, number]> = [];
  (['source', 'target'] as const).forEach((side, at) => {
    for (const block of keys[side]) {
      for (const key of new Set(block)) {
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          spread.push([0, 0]);
        }
        spread[id][at]++;
      }
    }
  });
  return {
    source: sideFeatures(input.source, keys.source, ids),
    target: sideFeatures(input.target, keys.target, ids),
    weights: Float64Array.from(spread, ([inSource, inTarget]) => (inSource && inTarget ? 1 : ONE_SIDED) / Math.sqrt(Math.max(inSource, inTarget))),
  };
}
