/** The process name on every log line, metric and health answer. */
export const SERVICE_NAME = 'worker';
