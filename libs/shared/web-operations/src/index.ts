// The page is meant to be loaded lazily by the console that shows it (it brings the charts along).
export * from './lib/kernel-operations.component';
export * from './lib/data/kernel-operations.client';
export * from './lib/audit/kernel-audit.component';
export * from './lib/audit/kernel-audit.client';
