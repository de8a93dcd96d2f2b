// ExcelJS's streaming writer zips with archiver, which needs Node's zlib and file system. In the page it
// zips with JSZip instead, the library ExcelJS already uses for its in-memory writer and for reading:
// the few calls the writer makes (pipe, append, finalize) are answered here.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS like the module it stands for: ExcelJS calls require('archiver')(...) */
const { EventEmitter } = require('events');
const JSZip = require('jszip');

module.exports = function archiver(format, options = {}) {
  const zip = new JSZip();
  const entries = [];
  const archive = new EventEmitter();
  let output;
  archive.pipe = (stream) => {
    output = stream;
    return stream;
  };
  archive.append = (source, { name, base64 }) => {
    const path = name.replace(/^\/+/, '');
    if (source && typeof source.toBuffer === 'function') {
      // A worksheet's stream: added when the writer ends it, before the writer hears it was zipped.
      entries.push(new Promise((resolve) => source.on('finish', () => resolve(zip.file(path, source.toBuffer() || '')))));
    } else {
      zip.file(path, source, { base64: Boolean(base64) });
    }
    return archive;
  };
  archive.finalize = async () => {
    try {
      await Promise.all(entries);
      const level = options.zlib && options.zlib.level;
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: level === undefined ? 6 : level } });
      output.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      output.end();
    } catch (error) {
      archive.emit('error', error);
    }
  };
  return archive;
};
