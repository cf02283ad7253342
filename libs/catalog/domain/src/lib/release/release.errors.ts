// Error classes of the release decider (one per CATALOG_ERROR_CODES entry it raises) are being written.
export {};
