/** A NUL byte in the first 8 KiB, or more than 10 % invalid UTF-8 sequences there, marks a binary file. */
export function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return true;
  const decoded = head.toString('utf8');
  let bad = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 0xfffd) bad++;
  return head.length > 0 && bad / head.length > 0.1;
}
