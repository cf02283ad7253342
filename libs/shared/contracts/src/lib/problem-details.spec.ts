import { isProblemDetails, type ProblemDetails, problemType } from './problem-details';

const notFound: ProblemDetails = {
  type: problemType('HTTP.NOT_FOUND'),
  title: 'Not Found',
  status: 404,
  code: 'HTTP.NOT_FOUND',
  correlationId: '3f1c2a9e-1111-4222-8333-444455556666',
};

describe('problem details', () => {
  it('derives a stable type URI from the code', () => {
    expect(problemType('HTTP.NOT_FOUND')).toBe('urn:bandstand:problem:HTTP.NOT_FOUND');
  });

  it('recognises a problem, with or without field errors', () => {
    expect(isProblemDetails(notFound)).toBe(true);
    expect(
      isProblemDetails({
        ...notFound,
        status: 400,
        code: 'VALIDATION.FAILED',
        errors: [{ field: 'email', code: 'VALIDATION.IS_EMAIL', message: 'email must be an email' }],
      }),
    ).toBe(true);
  });

  it('rejects bodies that are not problems', () => {
    expect(isProblemDetails(null)).toBe(false);
    expect(isProblemDetails('Not Found')).toBe(false);
    expect(isProblemDetails({ statusCode: 404, message: 'Cannot GET /x', error: 'Not Found' })).toBe(false);
    expect(isProblemDetails({ ...notFound, code: 'not a code' })).toBe(false);
    expect(isProblemDetails({ ...notFound, correlationId: undefined })).toBe(false);
    expect(isProblemDetails({ ...notFound, errors: [{ field: 'email' }] })).toBe(false);
  });
});
