// The export's shapes are API types, shared with the consoles.
export type { AccountExport, ExportedEvent, ExportedSession } from '@bandstand/identity/contracts';
