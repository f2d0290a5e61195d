import JSZip from 'jszip';
import { WORD_JOINER } from '@shared/domain/typography';

/**
 * Test support (not bundled: nothing in the functions imports it): opens a generated .docx the
 * way a word processor would start to — unzip, check every XML part is well-formed — and gives
 * the text of its paragraphs and tables to assert on.
 */
export interface OpenedDocx {
  names: string[];
  part(name: string): Promise<string>;
  /** word/document.xml */
  xml: string;
  /** Text of each paragraph of the body (table cells included), in order. */
  paragraphs: string[];
  /** Rows of each table, each row the text of its cells. */
  tables: string[][][];
  /** All the body's text, paragraphs joined by newlines. */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? ''),
  );
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * Null when `xml` is a well-formed XML 1.0 document (allowed characters only, tags nested and
 * closed, attributes quoted, known entities, one root), else what is wrong and where.
 */
export function xmlProblem(xml: string): string | null {
  for (const ch of xml) {
    const code = ch.codePointAt(0)!;
    if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) return `character U+${code.toString(16)} is not allowed in XML`;
  }
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
  const badText = (t: string) => /&(?!(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(t) || t.includes('<');
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (badText(text)) return `bad character data at ${i}`;
    if (text.trim() !== '' && stack.length === 0) return `text outside the root element at ${i}`;
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end === -1) return `unclosed processing instruction at ${i}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) return `unclosed comment at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end === -1 || stack.length === 0) return `bad CDATA at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = name.exec(xml.slice(i + 2));
      const end = xml.indexOf('>', i);
      if (!m || end === -1 || xml.slice(i + 2 + m[0].length, end).trim() !== '') return `bad end tag at ${i}`;
      if (stack.pop() !== m[0]) return `end tag </${m[0]}> does not match at ${i}`;
      i = end + 1;
    } else {
      const m = name.exec(xml.slice(i + 1));
      if (!m) return `bad start tag at ${i}`;
      let j = i + 1 + m[0].length;
      const seen = new Set<string>();
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))![0].length;
        j += ws;
        if (xml.startsWith('/>', j) || xml[j] === '>') break;
        if (ws === 0) return `attributes need white space between them at ${j}`;
        const a = /^([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(j));
        if (!a) return `bad attribute at ${j}`;
        if (seen.has(a[1]!)) return `duplicate attribute ${a[1]} at ${j}`;
        seen.add(a[1]!);
        if (badText(a[3] ?? a[4] ?? '')) return `bad attribute value at ${j}`;
        j += a[0].length;
      }
      if (stack.length === 0) roots += 1;
      if (xml.startsWith('/>', j)) {
        i = j + 2;
      } else {
        stack.push(m[0]);
        i = j + 1;
      }
    }
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

// The text as a reader sees it: word joiners (which keep an amount whole on its line) show nothing.
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => decodeXml(m[1]!))
    .join('')
    .replaceAll(WORD_JOINER, '');

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const n of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
    const problem = xmlProblem(await zip.file(n)!.async('string'));
    if (problem) throw new Error(`${n} is not well-formed XML: ${problem}`);
  }
  const part = async (n: string) => {
    const f = zip.file(n);
    if (!f) throw new Error(`no ${n} in the document`);
    return f.async('string');
  };
  const xml = await part('word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  return { names, part, xml, paragraphs, tables, text: paragraphs.join('\n') };
}
