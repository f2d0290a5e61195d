import type { IncomingMessage } from 'node:http';

/** A request the host cannot read (a malformed path, cookie, header or body): answered 400, never a crash. */
export class BadRequest extends Error {}

/** decodeURIComponent that answers null for a malformed escape instead of throwing URIError. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The value of one cookie; a malformed escape in it is a bad request. */
export function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    const value = safeDecode(v.join('='));
    if (value === null) throw new BadRequest(`cookie ${name}`);
    return value;
  }
  return null;
}

/** JSON of a body, or a bad request. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('body is not JSON');
  }
}
