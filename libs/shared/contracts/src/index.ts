export * from './lib/error-code';
export * from './lib/problem-details';
export * from './lib/page';
export * from './lib/health-report';
export * from './lib/service-meta';
export * from './lib/job-progress';
export * from './lib/domain-error';
