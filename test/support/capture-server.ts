import { createServer } from 'node:http';
import { close, listen } from './config-server.js';

export interface AmplitudeEvent {
  readonly event_type: string;
  readonly user_id?: string;
  readonly device_id?: string;
  readonly event_properties?: Record<string, unknown>;
  readonly user_properties?: Record<string, Record<string, unknown>>;
  readonly [field: string]: unknown;
}

export interface CapturedRequest {
  readonly api_key: string;
  readonly events: readonly AmplitudeEvent[];
  readonly [field: string]: unknown;
}

/**
 * A stand-in for Amplitude's HTTP API on 127.0.0.1 (the SDKs' `serverUrl`): records every request
 * body and answers as Amplitude does, or with `status` to test failures.
 */
export interface CaptureServer {
  readonly serverUrl: string;
  readonly requests: CapturedRequest[];
  /** Every event of every request, in arrival order. */
  events(): AmplitudeEvent[];
  /** The raw bodies, to check that something is absent from everything sent. */
  readonly rawBodies: string[];
  /** Answer every later request with this status (200 by default). */
  setStatus(status: number): void;
  /** Hold every later request this long before recording and answering it (0 by default). */
  setDelay(ms: number): void;
  /** Resolves once at least `count` events arrived, or rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<AmplitudeEvent[]>;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const rawBodies: string[] = [];
  let status = 200;
  let delayMs = 0;
  const server = createServer((request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => setTimeout(() => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (status === 200) {
        rawBodies.push(raw);
        try {
          requests.push(JSON.parse(raw) as CapturedRequest);
        } catch {
          // Not an event upload (e.g. a remote-config request): recorded raw only.
        }
      }
      const body = status === 200 ? { code: 200, events_ingested: 0, payload_size_bytes: raw.length, server_upload_time: Date.now() } : { code: status, error: 'test failure' };
      response.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
    }, delayMs));
  });
  const port = await listen(server);
  const events = () => requests.flatMap((request) => request.events ?? []);
  return {
    serverUrl: `http://127.0.0.1:${port}/2/httpapi`,
    requests,
    rawBodies,
    events,
    setStatus: (next) => {
      status = next;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    waitForEvents: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (events().length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} events, got ${events().length}: ${JSON.stringify(events())}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return events();
    },
    close: () => close(server),
  };
}
