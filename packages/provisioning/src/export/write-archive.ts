// Streams files and objects into a gzipped tar file, one entry after another.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';

export interface ArchiveContents {
  manifest: Buffer;
  tables: { name: string; file: string }[];
  objects: { name: string; size: number; open: () => Promise<AsyncIterable<Uint8Array>> }[];
}

export async function writeArchive(path: string, contents: ArchiveContents): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(path));
  // Observed below; without this a failed write would also surface as an unhandled rejection.
  written.catch(() => {});
  const mtime = new Date();
  try {
    await addEntry(pack, { name: 'manifest.json', size: contents.manifest.length, mtime }, [
      contents.manifest,
    ]);
    for (const table of contents.tables) {
      const { size } = await stat(table.file);
      await addEntry(pack, { name: table.name, size, mtime }, createReadStream(table.file));
    }
    for (const object of contents.objects) {
      await addEntry(pack, { name: object.name, size: object.size, mtime }, await object.open());
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
  await written;
}

/**
 * tar-stream's entries are streamx writables, which Node's `pipeline` does not fully
 * understand; write them by hand, honouring backpressure. The entry fails with "Size
 * mismatch" when the source is shorter or longer than announced.
 */
function addEntry(
  pack: tar.Pack,
  header: { name: string; size: number; mtime: Date },
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ ...header, type: 'file', mode: 0o644 }, (error) =>
      error ? reject(error) : resolve(),
    );
    (async () => {
      for await (const chunk of source) {
        if (entry.write(chunk)) continue;
        // Wake on close as well: a failed archive destroys the entry, which never drains.
        await new Promise<void>((wake) => {
          entry.once('drain', () => wake());
          entry.once('close', () => wake());
        });
        if (entry.destroyed) throw new Error(`The archive entry ${header.name} was closed.`);
      }
      entry.end(null); // streamx's typings want an argument; null writes nothing
    })().catch((error: unknown) => {
      entry.destroy(error as Error);
      reject(error);
    });
  });
}
