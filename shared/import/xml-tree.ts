// A small XML tree (elements, attributes, text in document order) on top of fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError, type ImportErrorCode } from './errors.js';

export interface XmlElement {
  /** The local name: namespace prefixes are dropped. */
  name: string;
  attrs: Record<string, string>;
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Also decodes numeric character references, which the XML-only mode leaves as they are.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function toChildren(items: Ordered[]): XmlChild[] {
  const children: XmlChild[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((key) => key !== ':@');
    if (name === undefined) continue;
    if (name === '#text') children.push(String(item[name]));
    else children.push({ name, attrs: item[':@'] ?? {}, children: toChildren(item[name] as Ordered[]) });
  }
  return children;
}

/** The root element of an XML text; malformed XML and entity declarations throw an ImportError. */
export function parseXml(text: string, code: ImportErrorCode): XmlElement {
  // XML end-of-line handling, which the parser leaves to us.
  const xml = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/<!ENTITY/i.test(xml)) throw new ImportError(code, 'entity declarations are not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(code, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let children: XmlChild[];
  try {
    children = toChildren(parser.parse(xml) as Ordered[]);
  } catch (error) {
    // Nesting deep enough to exhaust the stack, for one.
    throw new ImportError(code, `could not read the XML: ${(error as Error).message}`);
  }
  const root = children.find((child): child is XmlElement => typeof child !== 'string');
  if (!root) throw new ImportError(code, 'the XML has no root element');
  return root;
}

export const elements = (parent: XmlElement, name?: string): XmlElement[] =>
  parent.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));

export const element = (parent: XmlElement, name: string): XmlElement | undefined => elements(parent, name)[0];
