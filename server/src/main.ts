import { buildApp } from './app';
import { loadConfig } from './config';

/** Starts Quorum: config → app → listen; on SIGTERM/SIGINT drains and closes cleanly. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl.replace(/\/$/, '');
  console.log(`\nQuorum is running at ${base}/`);
  if (!config.isProduction) console.log(`Open the Zoom simulator: ${base}/sim\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
