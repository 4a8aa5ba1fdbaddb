import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { OUTGOING_SIGNATURE_HEADER, OUTGOING_TIMESTAMP_HEADER } from '../services/report-deliveries';
import { verifySignature } from '../zoom/webhook-signature';
import { parseMail } from './mime-lite';

/** An email the local SMTP receiver caught. */
export interface CaughtEmail {
  id: string;
  at: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** A POST to one of the fake cloud's webhook receivers (`/sim/zoom/hooks/:name`). */
export interface CaughtWebhook {
  id: string;
  at: number;
  name: string;
  status: number;
  signatureValid: boolean;
  body: unknown;
}

/** Largest message the receiver keeps; a report is a few KB. */
const MAX_MAIL_BYTES = 1024 * 1024;

/**
 * Catches what Quorum sends out (report emails over real SMTP, outgoing webhooks over HTTP) so the
 * simulator can show it and tests can assert on it.
 */
export class FakeOutbox {
  readonly emails: CaughtEmail[] = [];
  readonly webhooks: CaughtWebhook[] = [];
  private readonly seen = new Map<string, number>();
  private smtp: SMTPServer | undefined;

  constructor(
    private readonly outgoingSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the SMTP receiver on 127.0.0.1 (`port` 0 = any free port); resolves with its smtp:// URL. */
  async startSmtp(port = 0): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: MAX_MAIL_BYTES,
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const mail = parseMail(Buffer.concat(chunks).toString('utf8'));
          this.emails.push({
            id: randomUUID(),
            at: this.now(),
            ...mail,
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          done();
        });
      },
    });
    this.smtp = server;
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server.on('error', reject);
      const listener = server.listen(port, '127.0.0.1', () => resolve(listener.address() as AddressInfo));
    });
    return `smtp://127.0.0.1:${address.port}`;
  }

  /**
   * Records one outgoing-webhook POST and says what to answer: 500 for the first `failFirst` requests
   * to the same receiver name (to show Quorum's retries), 200 after that.
   */
  receiveWebhook(name: string, failFirst: number, headers: Record<string, string | undefined>, raw: Buffer): number {
    const count = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, count);
    const status = count <= failFirst ? 500 : 200;
    const check = verifySignature({
      secret: this.outgoingSecret,
      timestamp: headers[OUTGOING_TIMESTAMP_HEADER],
      signature: headers[OUTGOING_SIGNATURE_HEADER],
      body: raw,
      nowMs: this.now(),
      maxAgeSec: 300,
    });
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = raw.toString('utf8');
    }
    this.webhooks.push({ id: randomUUID(), at: this.now(), name, status, signatureValid: check.ok, body });
    return status;
  }

  async close(): Promise<void> {
    const server = this.smtp;
    this.smtp = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
