// JSON logs (pino). Tokens never reach them (SPEC 1.7): URLs are logged with their token removed.
import { pino, type DestinationStream, type Logger } from 'pino';

export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: ['req.headers.authorization', 'headers.authorization'],
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
