import { gunzipSync } from "node:zlib";

/**
 * Gunzips a model file into one buffer. `gunzipSync` by default inflates in 16 KB chunks and then concatenates them:
 * for the 11 MB quotes model that is a second full copy and some 700 chunk buffers, paid by every ingest worker at
 * start-up. The gzip trailer's last 4 bytes give the inflated size (mod 2^32; model files are far below 4 GB), so
 * one output chunk of that size (plus one byte, so zlib sees room left and stops) holds it all and nothing is copied.
 * zlib checks that size itself, so a corrupt trailer fails as it does with `gunzipSync`; a multi-member file (whose
 * trailer gives the last member's size) only costs the concatenation again.
 */
export function gunzipWhole(gz: Buffer): Buffer {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  return gunzipSync(gz, { chunkSize: Math.max(16 * 1024, size + 1) });
}
