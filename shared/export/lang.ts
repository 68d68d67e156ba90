// What a target language means for layout.
const RTL = /^(ar|arc|ckb|dv|fa|he|ps|sd|ug|ur|yi)(-|$)/i;

/** Languages Word sets with its complex-script fonts and language (w:bidi): RTL and South/Southeast Asian scripts. */
const COMPLEX_SCRIPT = /^(ar|arc|ckb|dv|fa|he|ps|sd|ug|ur|yi|as|bn|gu|hi|kn|km|lo|ml|mr|my|ne|or|pa|si|ta|te|th)(-|$)/i;

export const isRtl = (lang: string): boolean => RTL.test(lang);
export const isComplexScript = (lang: string): boolean => COMPLEX_SCRIPT.test(lang);
