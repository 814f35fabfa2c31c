/** Sends bytes as a file download with a UTF-8 file name (RFC 6266). */
import type { FastifyReply } from 'fastify';

export function attachment(reply: FastifyReply, file: { bytes: Uint8Array; fileName: string; mediaType: string }) {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '');
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}
