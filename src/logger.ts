import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; `pretty` for local runs. Never log free-text answers or secrets. */
export function createLogger(
  options: { level: string; format: 'json' | 'pretty' },
  destination?: DestinationStream,
): Logger {
  const settings = {
    level: options.level,
    base: { service: 'ppi-bot' },
    redact: { paths: ['*.password', '*.secret', '*.authorization', 'req.headers.authorization'], remove: true },
    ...(options.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  };
  return destination ? pino(settings, destination) : pino(settings);
}
