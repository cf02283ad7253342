// DomainError is framework-free and lives in the contracts, so that domain libs (which import no
// framework) can extend it; the http layer maps it to problem+json.
export { DomainError, type DomainErrorOptions } from '@bandstand/shared/contracts';
