import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 at the time of asking (for a program told its port, e.g. `PORT`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A server may print its ready line a moment before its socket accepts (seen with NestJS on a
 * loaded machine): a refused connection is tried again, a few times.
 */
export async function fetchWhenListening(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
