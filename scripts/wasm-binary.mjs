// Reading a wasm file's binary format, for the scripts that look into the app's wasm:
// pageweight.mjs (the size of its code and data sections) and minify-js.mjs (the names of its
// imports).

/** The unsigned LEB128 number at `buf[i]`: `[value, index after it]`. */
export function readLeb(buf, i) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, i];
}

/** The sections after the 8-byte header, in order: `{ id, start, body, end }`, where `start` is
 * the index of the section's id, `body` of its contents and `end` just after them. */
export function sections(buf) {
  const out = [];
  let i = 8;
  while (i < buf.length) {
    const start = i;
    const id = buf[i];
    const [size, body] = readLeb(buf, i + 1);
    out.push({ id, start, body, end: body + size });
    i = body + size;
  }
  return out;
}
