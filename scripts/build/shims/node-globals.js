// The globals Node gives every module and browserify gave ExcelJS's browser build: injected where used.
import { Buffer } from 'buffer';
import process from 'process';

// The buffer package encodes UTF-8 in JavaScript, twice per string (once to measure it) into plain arrays:
// a third of a 100,000-row export went there. The browser's own encoder does it once, natively.
const encoder = new TextEncoder();
const from = Buffer.from;
Buffer.from = function fromUtf8(value, encodingOrOffset, length) {
  if (typeof value === 'string' && (encodingOrOffset === undefined || encodingOrOffset === 'utf8' || encodingOrOffset === 'utf-8')) {
    const bytes = encoder.encode(value);
    return from.call(Buffer, bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return from.call(Buffer, value, encodingOrOffset, length);
};

export { Buffer, process };
