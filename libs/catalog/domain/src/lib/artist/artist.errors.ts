// Error classes of the artist decider are being written.
export {};
