// Short random ids (segments, documents, suggestions, comments), in the browser and in Node.
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id (base36, uniform: bytes >= 252 are rejected). */
export function newId(length = 10): string {
  let id = '';
  while (id.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 252 && id.length < length) id += ID_ALPHABET[byte % 36];
    }
  }
  return id;
}
