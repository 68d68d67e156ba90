// Escaping for XML text and attributes.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** A carriage return would read back as a newline. */
export const escapeXmlText = (text: string): string =>
  text.replace(/[&<>]/g, (c) => ENTITIES[c]).replace(/\r/g, '&#13;');

export const escapeXmlAttr = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Characters XML 1.0 cannot hold at all, even as references. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
