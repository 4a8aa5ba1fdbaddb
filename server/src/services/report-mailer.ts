import nodemailer, { type Transporter } from 'nodemailer';
import { renderReportText, type MeetingReport } from './meeting-report';

/** Sends the end-of-meeting report over SMTP (`SMTP_URL`). */
export class ReportMailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Short timeouts: a stuck SMTP server must fail the attempt (and be retried), not hang it.
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  /** One attempt at sending the report to `to`; rejects when the server does not accept it. */
  async send(to: string, report: MeetingReport): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: `Quorum results: ${report.meeting.topic}`,
      text: renderReportText(report),
    });
  }

  close(): void {
    this.transport.close();
  }
}
